// Counts the rows whose top-k class indices disagree between candidate and reference beyond near-ties.

/**
 * Counts rows (the last axis is the class axis) where the candidate's top-`k` index set holds an index the
 * reference does not rank in its own top-`k`, unless that index's reference value lies within `tieTolerance`
 * of the reference's k-th largest value (a near-tie that honest floating-point noise may flip).
 * Rows whose class axis has at most `k` entries always agree.
 *
 * @example
 * topKDisagreements(Float64Array.of(0.9, 0.1), Float64Array.of(0.2, 0.8), 2, 1, 0); // 1
 */
export function topKDisagreements(
  reference: Float64Array,
  candidate: Float64Array,
  classes: number,
  k: number,
  tieTolerance: number,
): number {
  if (classes <= k || classes === 0) return 0;
  let rows = 0;
  for (let base = 0; base + classes <= reference.length; base += classes) {
    const refTop = topIndices(reference, base, classes, k);
    const candTop = topIndices(candidate, base, classes, k);
    const kth = Math.min(...refTop.map((i) => reference[base + i]));
    const refSet = new Set(refTop);
    const bad = candTop.some((i) => !refSet.has(i) && !(reference[base + i] >= kth - tieTolerance));
    if (bad) rows++;
  }
  return rows;
}

function topIndices(values: Float64Array, base: number, classes: number, k: number): number[] {
  const top: number[] = [];
  for (let j = 0; j < classes; j++) {
    const v = values[base + j];
    if (top.length < k) {
      top.push(j);
      top.sort((a, b) => values[base + b] - values[base + a]);
    } else if (v > values[base + top[k - 1]] || Number.isNaN(values[base + top[k - 1]])) {
      top[k - 1] = j;
      top.sort((a, b) => values[base + b] - values[base + a]);
    }
  }
  return top;
}
