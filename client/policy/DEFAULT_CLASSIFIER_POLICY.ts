// The default verification policy for classifiers: the float tolerance plus top-1 agreement.
import type { VerificationPolicy } from "./VerificationPolicy.js";
import { DEFAULT_TOLERANCE_POLICY } from "./DEFAULT_TOLERANCE_POLICY.js";

/**
 * {@link DEFAULT_TOLERANCE_POLICY} with `topK = 1`: the predicted class (last axis) must also agree, except
 * on near-ties narrower than `2e-3 * max|ref|` (see TOP_K_TIE_RELATIVE). Measured on PaddleOCR cls and rec
 * (CPU: graph optimisation levels, threads, batching, `node/validator/tools/measureDrift.ts`; CUDA on an H100
 * with TF32 off, `measureCudaDrift.mjs`): no top-1 flip at all, even without the tie excuse. (With TF32 on,
 * rec flipped 3 of 1,920 per-step top-1 characters: see DEFAULT_TOLERANCE_POLICY on why nodes keep FP32.)
 *
 * @example
 * compareOutputs(rerun, committed, DEFAULT_CLASSIFIER_POLICY).match;
 */
export const DEFAULT_CLASSIFIER_POLICY: VerificationPolicy = Object.freeze({
  ...(DEFAULT_TOLERANCE_POLICY as Extract<VerificationPolicy, { kind: "tolerance" }>),
  topK: 1,
});
