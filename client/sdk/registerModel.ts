// Registers a model (content hash of its .onnx bytes) with its verification policy.
import { ZeroHash } from "ethers";
import type { Hex } from "../index.js";
import type { ClientContext } from "./ClientContext.js";
import { sendTransaction } from "./internal/sendTransaction.js";
import { DEFAULT_MODEL_POLICY } from "./DEFAULT_MODEL_POLICY.js";
import { modelHashOf } from "./modelHashOf.js";

/** Parameters of {@link registerModel}. */
export interface RegisterModelParameters {
  /** The .onnx file's bytes (hashed with sha256), or pass `modelHash`. */
  onnx?: Uint8Array;
  modelHash?: Hex;
  name: string;
  uri?: string;
  /** sha256 of the canonical JSON of the model's input/output spec (zero when unknown). */
  ioSpecHash?: Hex;
  /** Default: tolerance, cosine >= 0.9999, relative max error <= 1e-3, no top-k. */
  policy?: { kind: "Tolerance" | "Bitwise"; minCosine: bigint; maxRelAbsError: bigint; topK: number };
}

/**
 * Registers a model in the ModelRegistry; the caller becomes its owner.
 *
 * @example
 * await client.registerModel({ onnx: readFileSync("models/mlp/mlp.onnx"), name: "mlp" });
 */
export async function registerModel(ctx: ClientContext, p: RegisterModelParameters): Promise<{ modelHash: Hex; txHash: string }> {
  const modelHash = p.modelHash ?? (p.onnx ? modelHashOf(p.onnx) : undefined);
  if (!modelHash) throw new TypeError("registerModel needs `onnx` (the file bytes) or `modelHash`");
  const policy = p.policy ?? DEFAULT_MODEL_POLICY;
  const tx = await sendTransaction(ctx, `registerModel ${p.name}`, ctx.contracts.registry, "registerModel", [
    modelHash,
    p.name,
    p.uri ?? "",
    p.ioSpecHash ?? ZeroHash,
    { kind: policy.kind === "Bitwise" ? 1 : 0, minCosine: policy.minCosine, maxRelAbsError: policy.maxRelAbsError, topK: policy.topK },
  ]);
  return { modelHash, txHash: tx.hash };
}
