// The content address of a model: sha256 of its .onnx bytes.
import { createHash } from "node:crypto";
import type { Hex } from "../index.js";

/**
 * sha256 of the .onnx bytes, as the bytes32 model hash the registry uses.
 *
 * @example
 * const hash = modelHashOf(readFileSync("models/mlp/mlp.onnx"));
 */
export function modelHashOf(onnx: Uint8Array): Hex {
  return `0x${createHash("sha256").update(onnx).digest("hex")}`;
}
