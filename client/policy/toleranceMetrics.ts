// The numeric distance between a candidate output and the trusted reference: cosine, max abs error, non-finite agreement.

/** What {@link toleranceMetrics} measures between two equally long value arrays. */
export interface ToleranceMetrics {
  /** Cosine similarity over the finite positions (1 when both are all zero, 0 when only one is). */
  cosine: number;
  /** max |candidate - reference| over the finite positions. */
  maxAbsError: number;
  /** max |reference| over the finite positions. */
  refMaxAbs: number;
  /** maxAbsError / refMaxAbs (0 when both are 0, Infinity when only the reference is all zero). */
  relAbsError: number;
  /** Positions where exactly one side is non-finite, or both are but differ (NaN vs Inf, +Inf vs -Inf). */
  nonFiniteMismatches: number;
}

/**
 * Measures how far `candidate` is from `reference` (same length). Accumulates in float64. Positions where
 * either side is NaN or infinite are left out of the metrics and must agree exactly (both NaN, or the same
 * infinity); each one that does not is counted in `nonFiniteMismatches`.
 *
 * @example
 * toleranceMetrics(Float64Array.of(1, 2), Float64Array.of(1, 2.001)).relAbsError; // 0.0005
 */
export function toleranceMetrics(reference: Float64Array, candidate: Float64Array): ToleranceMetrics {
  let dot = 0;
  let refNorm = 0;
  let candNorm = 0;
  let maxAbsError = 0;
  let refMaxAbs = 0;
  let nonFiniteMismatches = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i];
    const c = candidate[i];
    if (!Number.isFinite(r) || !Number.isFinite(c)) {
      if (!(Object.is(r, c) || (Number.isNaN(r) && Number.isNaN(c)))) nonFiniteMismatches++;
      continue;
    }
    dot += r * c;
    refNorm += r * r;
    candNorm += c * c;
    const err = Math.abs(c - r);
    if (err > maxAbsError) maxAbsError = err;
    const mag = Math.abs(r);
    if (mag > refMaxAbs) refMaxAbs = mag;
  }
  let cosine: number;
  if (refNorm === 0 && candNorm === 0) cosine = 1;
  else if (refNorm === 0 || candNorm === 0) cosine = 0;
  else cosine = Math.min(1, dot / (Math.sqrt(refNorm) * Math.sqrt(candNorm)));
  let relAbsError: number;
  if (refMaxAbs > 0) relAbsError = maxAbsError / refMaxAbs;
  else relAbsError = maxAbsError === 0 ? 0 : Infinity;
  return { cosine, maxAbsError, refMaxAbs, relAbsError, nonFiniteMismatches };
}
