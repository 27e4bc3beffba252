// How validators compare a re-run output with a committed one (mirrors IModelRegistry.VerificationPolicy).

/**
 * A model's verification policy in plain numbers (the registry stores the same in WAD, 1e18 = 1.0).
 * `tolerance`: cosine >= minCosine and max|a-b| / max|ref| <= maxRelAbsError, plus equal top-k indices
 * when topK > 0. `bitwise`: byte-identical outputs (integer models only).
 */
export interface VerificationPolicy {
  kind: "tolerance" | "bitwise";
  minCosine: number;
  maxRelAbsError: number;
  topK: number;
}
