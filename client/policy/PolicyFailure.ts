// One reason why a candidate output does not match the reference under a verification policy.

/** Which check of a verification policy failed. */
export type PolicyMetric =
  | "missingOutput"
  | "unexpectedOutput"
  | "datatype"
  | "shape"
  | "nonFinite"
  | "cosine"
  | "relAbsError"
  | "topK"
  | "bitwise";

/**
 * One failed check: the output tensor it concerns, the metric, the measured value and the policy's limit.
 *
 * @example
 * const f: PolicyFailure = { output: "y", metric: "cosine", value: 0.93, limit: 0.99999, message: "cosine 0.93 < 0.99999" };
 */
export interface PolicyFailure {
  output: string;
  metric: PolicyMetric;
  value: number | string;
  limit: number | string;
  message: string;
}
