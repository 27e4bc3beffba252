// The header of the canonical tensor encoding that tensorDigest hashes (everything before the raw bytes).
import { DATATYPE_CODES } from "./DATATYPE_CODES.js";
import type { Tensor } from "./Tensor.js";

/**
 * The header of a tensor's canonical encoding (see {@link tensorDigest}):
 * `u32le(byteLength(utf8(name))) ‖ utf8(name) ‖ u8(DATATYPE_CODES[datatype]) ‖ u32le(rank) ‖ u64le(dim)...`.
 * Does not validate the tensor (tensorDigest does).
 *
 * @example
 * canonicalTensorHeader({ name: "x", datatype: "FP32", shape: [2], data }) // 01000000 78 0b 01000000 0200000000000000
 */
export function canonicalTensorHeader(t: Pick<Tensor, "name" | "datatype" | "shape">): Uint8Array {
  const name = Buffer.from(t.name, "utf8");
  const out = Buffer.alloc(4 + name.length + 1 + 4 + 8 * t.shape.length);
  let at = out.writeUInt32LE(name.length, 0);
  at += name.copy(out, at);
  at = out.writeUInt8(DATATYPE_CODES[t.datatype], at);
  at = out.writeUInt32LE(t.shape.length, at);
  for (const d of t.shape) at = out.writeBigUInt64LE(BigInt(d), at);
  return out;
}
