// CPU and heap measurement of one operation inside the benchmark's child process. CPU is process.cpuUsage
// (user + system) around the call, so it includes the emulator's own work, as the spec's "Node CPU time" does.
// Peak heap cannot be sampled during a synchronous call, so the child runs with --trace-gc and brackets each
// operation with markers on stdout; the parent reads the heap size V8 prints BEFORE every collection inside the
// bracket (heap only shrinks at a collection, so the largest of those and the size at the end is the true peak).
import { writeSync } from 'node:fs';

export const MARK = '@@bench';

let nextToken = 1;

export interface Measured<T> {
  value?: T;
  error?: string;
  cpuMs: number;
  /** Key the parent uses to find this run's heap peak in the --trace-gc output. */
  token: number;
  /** Heap used (bytes) after a full collection just before the run. */
  heapBefore: number;
}

/**
 * After the forced collection V8 sweeps the old generation on background threads, and process.cpuUsage counts every
 * thread: on a 50,000-invoice heap that sweep added ~20 ms to whichever operation came next, even one that reads no
 * sheet. Sleeping (no CPU) lets it finish first, so an operation's CPU is its own work and the collections it causes.
 */
const SETTLE_MS = 100;

function fullGc(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  gc();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SETTLE_MS);
}

function mark(line: string): void {
  // fd 1 directly: console.log may buffer, and the markers must interleave exactly with V8's trace lines.
  writeSync(1, `${MARK} ${line}\n`);
}

export function measure<T>(fn: () => T): Measured<T> {
  fullGc();
  const token = nextToken++;
  const heapBefore = process.memoryUsage().heapUsed;
  mark(`start ${token} ${heapBefore}`);
  const t0 = process.cpuUsage();
  let value: T | undefined;
  let error: string | undefined;
  try {
    value = fn();
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  const dt = process.cpuUsage(t0);
  mark(`end ${token} ${process.memoryUsage().heapUsed}`);
  return { value, error, cpuMs: (dt.user + dt.system) / 1000, token, heapBefore };
}

export function median(xs: readonly number[]): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const TRACE = /: (?:Scavenge|Mark-Compact|Mark-Sweep|Minor Mark-Sweep|Minor Mark-Compact)\D*?([\d.]+) \(/;

/**
 * Peak heap growth (bytes) per token from the child's stdout: max(heap before each GC in the bracket, heap at the
 * end) minus the heap at the start. Lines that are not markers or GC traces are ignored.
 */
export function heapPeaks(stdout: string): Map<number, number> {
  const peaks = new Map<number, number>();
  let open: { token: number; base: number; peak: number } | null = null;
  for (const line of stdout.split('\n')) {
    if (line.startsWith(MARK)) {
      const [, kind, token, bytes] = line.split(' ');
      if (kind === 'start') open = { token: +token, base: +bytes, peak: +bytes };
      else if (kind === 'end' && open && open.token === +token) {
        peaks.set(open.token, Math.max(open.peak, +bytes) - open.base);
        open = null;
      }
      continue;
    }
    if (!open) continue;
    const m = TRACE.exec(line);
    if (m) open.peak = Math.max(open.peak, +m[1] * 1024 * 1024);
  }
  return peaks;
}
