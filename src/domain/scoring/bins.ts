// Points tables ("bins") of the scorecard. A factor's bins are written in the Settings sheet as `edge:points` pairs
// in ascending edge order, ending with `*:points` for everything above the last edge ("0:60, 5:45, *:-20" means
// v ≤ 0 → 60, v ≤ 5 → 45, otherwise −20). One notation for every factor keeps the sheet readable; whether higher
// or lower values are better is fixed per factor, and the parser refuses tables that would break monotonicity
// (worse behaviour must never earn more points), so a typo in the sheet cannot make the score reward lateness.

export type Direction = 'higher-is-better' | 'lower-is-better';

export interface Bins {
  /** Ascending upper edges (inclusive). */
  readonly edges: readonly number[];
  /** points[i] for v ≤ edges[i]; the last entry (index edges.length) for everything above the last edge. */
  readonly points: readonly number[];
}

/** Points for a value: the first bin whose edge is ≥ v, else the open-ended last bin. */
export function binPoints(bins: Bins, v: number): number {
  const { edges, points } = bins;
  for (let i = 0; i < edges.length; i++) if (v <= edges[i]) return points[i];
  return points[edges.length];
}

export function bestPoints(bins: Bins): number {
  let best = bins.points[0];
  for (const p of bins.points) if (p > best) best = p;
  return best;
}

export function worstPoints(bins: Bins): number {
  let worst = bins.points[0];
  for (const p of bins.points) if (p < worst) worst = p;
  return worst;
}

/** Settings text for a bins table, the inverse of parseBins. */
export function formatBins(bins: Bins): string {
  const parts = bins.edges.map((e, i) => `${e}:${bins.points[i]}`);
  parts.push(`*:${bins.points[bins.edges.length]}`);
  return parts.join(', ');
}

export type BinsParse = { ok: true; bins: Bins } | { ok: false; problem: 'syntax' | 'order' | 'monotonic' };

/** Parses `edge:points, …, *:points` and checks ascending edges and monotone points for the direction. */
export function parseBins(text: string, direction: Direction): BinsParse {
  const parts = text
    .split(/[,;，；\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length < 1) return { ok: false, problem: 'syntax' };
  const edges: number[] = [];
  const points: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const m = /^(\*|[-+]?\d+(?:\.\d+)?)\s*[:：]\s*([-+]?\d+(?:\.\d+)?)$/.exec(parts[i]);
    if (!m) return { ok: false, problem: 'syntax' };
    const last = i === parts.length - 1;
    if ((m[1] === '*') !== last) return { ok: false, problem: 'syntax' };
    if (!last) edges.push(Number(m[1]));
    points.push(Number(m[2]));
  }
  for (let i = 1; i < edges.length; i++) if (!(edges[i] > edges[i - 1])) return { ok: false, problem: 'order' };
  for (let i = 1; i < points.length; i++) {
    const rising = points[i] >= points[i - 1];
    const falling = points[i] <= points[i - 1];
    if (direction === 'higher-is-better' ? !rising : !falling) return { ok: false, problem: 'monotonic' };
  }
  return { ok: true, bins: { edges, points } };
}
