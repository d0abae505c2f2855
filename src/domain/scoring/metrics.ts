// Discrimination metrics for the backtest. AUC = probability that a randomly chosen good customer scores higher
// than a randomly chosen bad one (ties count half), computed from ranks in O(n log n); KS = largest gap between the
// score distributions of bad and good customers. Both are the standard measures credit teams already know.

export interface Observation {
  score: number;
  bad: boolean;
}

/** AUC of "higher score = good"; null when either class is empty. */
export function auc(obs: readonly Observation[]): number | null {
  const sorted = [...obs].sort((a, b) => a.score - b.score);
  let nGood = 0;
  let nBad = 0;
  for (const o of obs) o.bad ? nBad++ : nGood++;
  if (nGood === 0 || nBad === 0) return null;
  // Mann–Whitney: sum of (mid-)ranks of the good class.
  let rankSumGood = 0;
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].score === sorted[i].score) j++;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (!sorted[k].bad) rankSumGood += midRank;
    i = j + 1;
  }
  return (rankSumGood - (nGood * (nGood + 1)) / 2) / (nGood * nBad);
}

/** Kolmogorov–Smirnov statistic between bad and good score distributions; null when either class is empty. */
export function ks(obs: readonly Observation[]): number | null {
  const sorted = [...obs].sort((a, b) => a.score - b.score);
  let nGood = 0;
  let nBad = 0;
  for (const o of obs) o.bad ? nBad++ : nGood++;
  if (nGood === 0 || nBad === 0) return null;
  let cumGood = 0;
  let cumBad = 0;
  let best = 0;
  let i = 0;
  while (i < sorted.length) {
    const s = sorted[i].score;
    while (i < sorted.length && sorted[i].score === s) {
      sorted[i].bad ? cumBad++ : cumGood++;
      i++;
    }
    const gap = Math.abs(cumBad / nBad - cumGood / nGood);
    if (gap > best) best = gap;
  }
  return best;
}
