// How close (relative to the largest reference value) two classes must be for a top-k flip to count as an honest tie.

/**
 * Top-k near-tie width relative to max|reference| (capped by the policy's own `maxRelAbsError`): a
 * candidate top-k index outside the reference's top-k is excused when its reference value lies within
 * `2 * min(maxRelAbsError, 1e-3) * max|ref|` of the reference's k-th value.
 *
 * Why 1e-3: honest drift measured on CPU (threads, graph optimisation, batching; PaddleOCR cls/rec, Silero)
 * is at most 1.2e-5 of max|ref|, and CUDA (FP32) vs CPU at most 5.1e-5, so an honest flip needs a gap under
 * ~1e-4: 1e-3 leaves ~10x. It is a
 * tenth of the default `maxRelAbsError` (1e-2), so top-k stays a real extra check: a cheat that keeps every
 * element within 1% yet flips a class whose margin exceeds 0.2% is caught by top-k alone.
 */
export const TOP_K_TIE_RELATIVE = 1e-3;
