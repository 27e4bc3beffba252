// Entry point of client/policy: compare re-run outputs with committed ones under a model's verification policy.
export type { VerificationPolicy } from "./VerificationPolicy.js";
export type { PolicyFailure, PolicyMetric } from "./PolicyFailure.js";
export { compareOutputs, type CompareOutputsReturnType } from "./compareOutputs.js";
export { compareTensor, type TensorComparison } from "./compareTensor.js";
export { toleranceMetrics, type ToleranceMetrics } from "./toleranceMetrics.js";
export { topKDisagreements } from "./topKDisagreements.js";
export { tensorValues } from "./tensorValues.js";
export { assertValidPolicy } from "./assertValidPolicy.js";
export { InvalidPolicyError } from "./InvalidPolicyError.js";
export { policyFromChain, type ChainVerificationPolicy } from "./policyFromChain.js";
export { policyToChain, type PolicyToChainReturnType } from "./policyToChain.js";
export { wadFromNumber } from "./wadFromNumber.js";
export { ABSOLUTE_NOISE_FLOOR } from "./ABSOLUTE_NOISE_FLOOR.js";
export { TOP_K_TIE_RELATIVE } from "./TOP_K_TIE_RELATIVE.js";
export { DEFAULT_TOLERANCE_POLICY } from "./DEFAULT_TOLERANCE_POLICY.js";
export { DEFAULT_CLASSIFIER_POLICY } from "./DEFAULT_CLASSIFIER_POLICY.js";
