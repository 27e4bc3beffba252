// The verification policy of a model in TypeScript form: how a re-run output is compared with a committed one.

/**
 * A model's verification policy, the TypeScript mirror of `IModelRegistry.VerificationPolicy`
 * with the WAD fixed-point fields turned into plain numbers (1e18 WAD = 1.0).
 *
 * - `tolerance`: every output must reach `cosine >= minCosine` and
 *   `max|candidate - reference| / max|reference| <= maxRelAbsError`; when `topK > 0` the candidate's
 *   top-k indices along the last axis must also agree with the reference's (near-ties excused, see
 *   {@link compareOutputs}).
 * - `bitwise`: every output must be byte-identical (integer models only).
 *
 * @example
 * const policy: VerificationPolicy = { kind: "tolerance", minCosine: 0.99999, maxRelAbsError: 0.001, topK: 0 };
 */
export type VerificationPolicy =
  | { kind: "tolerance"; minCosine: number; maxRelAbsError: number; topK: number }
  | { kind: "bitwise" };
