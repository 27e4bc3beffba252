// The default verification policy for float models, chosen from measured honest drift and cheat distances.
import type { VerificationPolicy } from "./VerificationPolicy.js";

/**
 * Default `tolerance` policy: `minCosine = 0.99999`, `maxRelAbsError = 0.01`, `topK = 0`.
 *
 * Evidence (honest side, must always pass):
 * - DESIGN.md: honest CUDA vs CPU (H100, onnxruntime 1.29, MLP / ResNet-50 / transformer encoder) agrees to
 *   cosine >= 0.9999998, i.e. 1 - cosine <= 2e-7. `minCosine` allows 1 - cosine up to 1e-5: 50x that.
 *   The same cosine bounds the relative RMS error at sqrt(2 * 2e-7) ~= 6.3e-4, so the largest honest error
 *   relative to the largest output is of that order; `maxRelAbsError` = 1e-2 leaves ~16x.
 * - Measured here with onnxruntime-node 1.29.0 on CPU (`npx tsx node/validator/tools/measureDrift.ts`,
 *   PaddleOCR cls/rec/det and Silero VAD, 16 inputs each) against 1 intra-op thread, graph optimisation
 *   `all`, batch 1: 2 intra-op threads, parallel execution, batch 4 and repeated runs are bitwise equal;
 *   graph optimisation `disabled`/`basic`/`extended` and Silero's op18 re-export differ by at most
 *   1 - cosine = 3.5e-12 and max|a-b|/max|ref| = 5.7e-6 (1750x under `maxRelAbsError`); PaddleOCR det's
 *   numerically-zero map is handled by {@link ABSOLUTE_NOISE_FLOOR}.
 *
 * Evidence (cheating side, must always fail; same tool, "cheatsUnderDefaultPolicies"): random outputs,
 * another input's outputs, the other Silero network (`silero_vad_half.onnx`, 1 - cosine of the state
 * 0.95, relative error 9), a cheaper run of PaddleOCR cls on a half-width input, and Gaussian noise with
 * sigma >= 1e-2 of the largest output are all rejected on every sample. Noise at sigma 1e-3 is also caught on
 * most samples, yet still 10x above honest CPU drift.
 *
 * @example
 * compareOutputs(rerun, committed, DEFAULT_TOLERANCE_POLICY).match;
 */
export const DEFAULT_TOLERANCE_POLICY: VerificationPolicy = Object.freeze({
  kind: "tolerance",
  minCosine: 0.99999,
  maxRelAbsError: 0.01,
  topK: 0,
});
