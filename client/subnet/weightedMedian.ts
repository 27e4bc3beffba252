// Stake-weighted median of subtensor's `weighted_median` (quickselect on exact Q32.32 partition sums).

/**
 * The smallest score whose inclusive cumulative stake exceeds `minority`, or the largest score when none does;
 * 0 for no entries. Written as subtensor's iterative partition (pivot = middle element, ties dropped).
 * @param stake Q32.32 stake per entry (renormalised over the entries with stake > 0)
 * @param score Q32.32 score per entry
 * @param minority `sum(stake) - kappa`, may be negative
 * @param total `sum(stake)`
 * @example
 * weightedMedian([1n << 31n, 1n << 31n], [0n, 1n << 32n], 0n, 1n << 32n) // 1n << 32n
 */
export function weightedMedian(stake: bigint[], score: bigint[], minority: bigint, total: bigint): bigint {
  let part = score.map((_, i) => i);
  let lo = 0n;
  let hi = total;
  for (;;) {
    if (part.length === 0) return 0n;
    if (part.length === 1) return score[part[0]];
    const pivot = score[part[part.length >> 1]];
    const lower: number[] = [];
    const upper: number[] = [];
    let loSt = 0n;
    let hiSt = 0n;
    for (const i of part) {
      if (score[i] === pivot) continue;
      if (score[i] < pivot) {
        loSt += stake[i];
        lower.push(i);
      } else {
        hiSt += stake[i];
        upper.push(i);
      }
    }
    if (minority < lo + loSt && lower.length > 0) {
      part = lower;
      hi = lo + loSt;
    } else if (hi - hiSt <= minority && upper.length > 0) {
      part = upper;
      lo = hi - hiSt;
    } else {
      return pivot;
    }
  }
}
