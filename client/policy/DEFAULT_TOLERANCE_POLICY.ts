// The default verification policy for float models, chosen from measured honest drift and cheat distances.
import type { VerificationPolicy } from "./VerificationPolicy.js";

/**
 * Default `tolerance` policy: `minCosine = 0.99999` (1 - cosine <= 1e-5), `maxRelAbsError = 0.01`, `topK = 0`.
 * It assumes FP32 semantics everywhere (CPU, or CUDA with TF32 off — the node runtime and the validator set
 * `NVIDIA_TF32_OVERRIDE=0`).
 *
 * Honest side (must always pass), worst case over all measurements:
 * - CPU, onnxruntime-node 1.29 (`npx tsx node/validator/tools/measureDrift.ts`; PaddleOCR cls/rec/det, Silero
 *   VAD; 16 inputs each) against 1 thread / optimisation `all` / batch 1: 2 threads, parallel execution,
 *   batch 4 and repeats are bitwise equal; optimisation `disabled`/`basic`/`extended` and Silero's op18
 *   re-export reach 1 - cosine 6.7e-12 and max|a-b|/max|ref| 1.2e-5.
 * - CUDA vs CPU on an H100, TF32 off (`node/validator/tools/measureCudaDrift.mjs`, text-like images, batch 1 and
 *   8; `tools/evidence/cuda-drift-h100-fp32.json`): 1 - cosine <= 3.8e-11, relative error <= 5.1e-5 (rec),
 *   no top-1 flip. DESIGN.md's MLP/ResNet-50/encoder figure (1 - cosine <= 2e-7) is the same regime.
 * - Margins: cosine 50x over DESIGN.md's 2e-7 (2.6e5x over our CUDA runs); relative error 196x over rec on CUDA.
 * - bench:verify re-checks 11,000 honest pairs, each also with DESIGN.md's worst CUDA drift added as noise
 *   (1 - cosine 2e-7): 0 false positives; worst 1 - cosine 1.3e-6, relative error 2.4e-3.
 * - Numerically zero outputs (PaddleOCR det on text-free input) are handled by ABSOLUTE_NOISE_FLOOR.
 *
 * Not covered: TF32 tensor-core math (the CUDA EP default; `tools/evidence/cuda-drift-h100-tf32.json`) moves
 * PaddleOCR rec by up to 12% of its largest output and flips top-1 characters, and cls by 1 - cosine 1.6e-5 /
 * relative error 5.3e-3 — a reduced-precision computation, as FP16 would be, that no useful policy can accept for
 * rec. Nodes must keep FP32 semantics (TF32 off); a model that must tolerate reduced precision needs its own,
 * looser registered policy.
 *
 * Cheating side (must always fail; measureDrift "cheatsUnderDefaultPolicies" and bench:verify, real cheat hooks
 * on real outputs): random outputs, another input's outputs, another network (`silero_vad_half.onnx`: state
 * 1 - cosine 0.95, relative error 9; the MLP with other weights), a cheaper PaddleOCR cls run on a half-width
 * input (best case 1 - cosine 4.2e-5, 4x over the limit) and noise of 5-10% per element (node/cheats `noise`) are
 * rejected on every sample; Gaussian noise is caught from sigma ~1e-2 of the largest output.
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
