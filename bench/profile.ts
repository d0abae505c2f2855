// Profiling aid (not part of `npm run bench`; run it with scripts/profile.mjs): builds the benchmark's workbook once,
// runs the working day's batch operations in the benchmark's order on a fresh environment per rep, and measures each
// as the benchmark does (process.cpuUsage, bench/measure.ts). With --prof DIR the operation named by --op (or each)
// runs under the V8 profiler and its .cpuprofile is written to DIR (open it in Chrome DevTools or read self times).
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import { generateDemoWorkbook } from '../emulator/playground/demo-data';
import { type BenchEnv, openAddonEnv } from './environment';
import { measure, median } from './measure';

const STEPS: Array<[string, (env: BenchEnv) => unknown]> = [
  ['refresh', (env) => env.run('refreshLedger')],
  ['rescore', (env) => env.run('rescoreCustomers')],
  ['daily', (env) => env.fireDailyRun()],
  ['reports', (env) => env.fireDailyRun()],
  ['status', (env) => env.rpc('reminderStatus')],
];

const HEAP_SAMPLING = {
  samplingInterval: 4096,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
};

export function main(argv: string[]): number {
  const get = (n: string) => {
    const i = argv.indexOf(n);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const size = Number(get('--size') ?? 50_000);
  const reps = Number(get('--reps') ?? 1);
  const only = get('--op');
  const prof = get('--prof');
  const dist = get('--dist') ?? 'dist';
  const asOf = '2026-11-20';
  const wb = generateDemoWorkbook({ seed: 20261120, invoices: size, customers: Math.round(size / 5), asOf });
  const session = new inspector.Session();
  session.connect();
  // The in-process inspector answers synchronously.
  const post = (method: string, params: object = {}) => {
    let out: any;
    session.post(method, params, (err, r) => {
      if (err) throw err;
      out = r;
    });
    return out;
  };
  if (prof) {
    post('Profiler.enable');
    post('Profiler.setSamplingInterval', { interval: 200 });
  }
  const cpu = new Map<string, number[]>();
  for (let rep = 1; rep <= reps; rep++) {
    const env = openAddonEnv({ dist, now: `${asOf}T10:00:00+08:00`, timeZone: 'Asia/Shanghai', naiveScript: '' });
    env.run('setupWorkbook');
    env.loadRows(wb, false);
    env.run('setupWorkbook');
    for (const [name, fn] of STEPS) {
      if (name === 'daily') env.prepareDailyRun();
      const profiled = prof && rep === reps && (!only || only === name);
      // HEAP=1: where the operation allocates (collected objects included), instead of where it spends CPU.
      if (profiled && process.env.HEAP) post('HeapProfiler.startSampling', HEAP_SAMPLING);
      else if (profiled) post('Profiler.start');
      env.resetCounts();
      const m = measure(() => fn(env));
      if (profiled) {
        const { profile } = post(process.env.HEAP ? 'HeapProfiler.stopSampling' : 'Profiler.stop');
        fs.mkdirSync(prof, { recursive: true });
        fs.writeFileSync(path.join(prof, `${name}.cpuprofile`), JSON.stringify(profile));
      }
      if (m.error) throw new Error(`${name}: ${m.error}`);
      cpu.set(name, [...(cpu.get(name) ?? []), m.cpuMs]);
      const mails = env.counts()['MailApp.sendEmail'] ?? 0;
      process.stdout.write(`rep ${rep} ${name}: ${m.cpuMs.toFixed(0)} ms CPU${mails ? `, ${mails} e-mails` : ''}\n`);
      if (only === name) break;
    }
  }
  for (const [name, xs] of cpu)
    process.stdout.write(`median ${name}: ${median(xs).toFixed(0)} ms CPU (${xs.length})\n`);
  return 0;
}
