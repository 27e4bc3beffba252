// The input (or output) digest of a request: SHA-256 over its tensor digests sorted by tensor name.
import { createHash } from "node:crypto";
import { TensorCodecError } from "../errors/TensorCodecError.js";
import type { Hex } from "./Hex.js";
import type { Tensor } from "./Tensor.js";
import { tensorDigest } from "./tensorDigest.js";

/**
 * The digest of a set of named tensors (a request's inputs or its outputs), as a bytes32 hex:
 * `sha256(tensorDigest(t_1) ‖ ... ‖ tensorDigest(t_k))` with the tensors sorted by name in UTF-8 byte
 * order (so the order they arrived in does not matter). An empty list gives sha256 of nothing.
 * Throws {@link TensorCodecError} on a malformed tensor or on two tensors with the same name.
 *
 * @example
 * const inputDigest = ioDigest(inputs); // goes into the receipt
 */
export function ioDigest(tensors: readonly Tensor[]): Hex {
  if (!Array.isArray(tensors)) throw new TensorCodecError("ioDigest needs an array of tensors");
  const items = tensors.map((t) => ({ key: Buffer.from(String(t?.name), "utf8"), digest: tensorDigest(t) }));
  items.sort((a, b) => Buffer.compare(a.key, b.key));
  const h = createHash("sha256");
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && Buffer.compare(items[i - 1].key, items[i].key) === 0) {
      throw new TensorCodecError(`two tensors are named ${JSON.stringify(items[i].key.toString("utf8"))}`, {
        details: "tensor names within one request's inputs (or outputs) must be unique",
      });
    }
    h.update(items[i].digest);
  }
  return `0x${h.digest("hex")}`;
}
