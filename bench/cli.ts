// `npm run bench`: runs every size in its own child process (a fresh heap per size, --trace-gc for peak heap,
// TZ = the spreadsheet's zone so the naive script's local-time Date math matches the sheet), then prints the tables
// and writes artifacts/bench.json. `--smoke` runs the smallest size once: CI's check that the benchmark works,
// which fails only when the benchmark itself crashes (a failed operation or a missed budget is printed, not fatal).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateDemoWorkbook } from '../emulator/playground/demo-data';
import type { EnvOptions } from './environment';
import { heapPeaks, MARK } from './measure';
import { addonDay, naiveDay, type OpSample } from './operations';
import { buildReport, type SizeInfo, type SizeRun } from './report';
import { renderReport } from './tables';

const AS_OF = '2026-11-20';
const TIME_ZONE = 'Asia/Shanghai';
const SEED = 20261120;
const DEFAULT_SIZES = [1000, 10_000, 50_000];

interface Args {
  child: boolean;
  smoke: boolean;
  sizes: number[];
  reps: number | null;
  dist: string;
  out: string;
  naive: boolean;
  /** The options as the user gave them (without the internal --dist), for the "Command:" line. */
  userArgs: string[];
}

function parseArgs(argv: string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const smoke = argv.includes('--smoke');
  const sizes = get('--sizes')?.split(',').map(Number) ?? (smoke ? [DEFAULT_SIZES[0]] : DEFAULT_SIZES);
  if (sizes.some((s) => !Number.isInteger(s) || s < 10))
    throw new Error(`--sizes: whole numbers ≥ 10, got ${get('--sizes')}`);
  const reps = get('--reps');
  return {
    child: argv.includes('--child'),
    smoke,
    sizes: smoke ? sizes.slice(0, 1) : sizes,
    reps: smoke ? 1 : reps ? Number(reps) : null,
    dist: get('--dist') ?? 'dist',
    // The smoke run must not overwrite the figures of the last full run.
    out: get('--out') ?? (smoke ? 'artifacts/bench-smoke.json' : 'artifacts/bench.json'),
    naive: !argv.includes('--no-naive'),
    userArgs: argv.filter((a, i) => a !== '--dist' && argv[i - 1] !== '--dist'),
  };
}

/** Fewer reps where one rep is slow; the median needs at least 3 to mean anything. */
function defaultReps(invoices: number): number {
  return invoices >= 10_000 ? 3 : 5;
}

function sizeOf(invoices: number, reps: number): { info: SizeInfo; wb: ReturnType<typeof generateDemoWorkbook> } {
  const wb = generateDemoWorkbook({ seed: SEED, invoices, customers: Math.round(invoices / 5), asOf: AS_OF });
  const info: SizeInfo = {
    invoices: wb.invoices.length,
    customers: wb.customers.length,
    payments: wb.payments.length,
    interactions: wb.interactions.length,
    reps,
  };
  return { info, wb };
}

function runChild(args: Args): void {
  const invoices = args.sizes[0];
  const reps = args.reps ?? defaultReps(invoices);
  const { info, wb } = sizeOf(invoices, reps);
  const o: EnvOptions = {
    dist: args.dist,
    now: `${AS_OF}T10:00:00+08:00`,
    timeZone: TIME_ZONE,
    naiveScript: path.resolve('bench/naive-reminders.js'),
  };
  const samples: OpSample[] = [];
  for (let rep = 1; rep <= reps; rep++) {
    process.stderr.write(`  ${invoices} invoices: rep ${rep}/${reps} add-on…`);
    samples.push(...addonDay(wb, o));
    if (args.naive) {
      process.stderr.write(' naive…');
      samples.push(...naiveDay(wb, o));
    }
    process.stderr.write(' done\n');
  }
  fs.writeSync(1, `${MARK} result ${JSON.stringify({ size: info, samples })}\n`);
}

function runParent(args: Args, self: string): number {
  const runs: SizeRun[] = [];
  for (const invoices of args.sizes) {
    process.stderr.write(`bench: ${invoices.toLocaleString('en-US')} invoices\n`);
    const childArgs = ['--child', '--sizes', String(invoices), '--dist', args.dist];
    if (args.reps !== null) childArgs.push('--reps', String(args.reps));
    if (!args.naive) childArgs.push('--no-naive');
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--trace-gc', '--max-old-space-size=6144', self, ...childArgs],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, TZ: TIME_ZONE },
      },
    );
    const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith(`${MARK} result `));
    if (r.status !== 0 || !line) {
      process.stderr.write(`bench: the ${invoices}-invoice run crashed (exit ${r.status}, signal ${r.signal})\n`);
      if (r.error) process.stderr.write(`${r.error.message}\n`);
      return 1;
    }
    const { size, samples } = JSON.parse(line.slice(`${MARK} result `.length)) as Omit<SizeRun, 'heap'>;
    runs.push({ size, samples, heap: Object.fromEntries(heapPeaks(r.stdout)) });
  }
  const report = buildReport(runs);
  const command = ['npm run bench', ...(args.userArgs.length ? ['--', ...args.userArgs] : [])].join(' ');
  console.log(renderReport(report, command));
  const out = path.resolve(args.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const meta = {
    command,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    seed: SEED,
    asOf: AS_OF,
    timeZone: TIME_ZONE,
  };
  fs.writeFileSync(out, `${JSON.stringify({ ...meta, ...report }, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
  return 0;
}

export function main(argv: string[], self: string): number {
  const args = parseArgs(argv);
  if (args.child) {
    runChild(args);
    return 0;
  }
  return runParent(args, self);
}
