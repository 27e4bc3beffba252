// SHA-256 of a tensor's canonical encoding: name, datatype code, rank, dims, raw LE row-major bytes.
import { createHash } from "node:crypto";
import type { Tensor } from "./Tensor.js";
import { canonicalTensorHeader } from "./canonicalTensorHeader.js";
import { tensorToBytes } from "./tensorToBytes.js";

/**
 * The canonical digest of one named tensor, `sha256(encoding)` (32 bytes), where `encoding` is, in order:
 *
 * | field | bytes | value |
 * |---|---|---|
 * | name length | 4  | u32 little-endian: byte length of the UTF-8 name |
 * | name        | n  | the name, UTF-8, no terminator |
 * | datatype    | 1  | u8 code from {@link DATATYPE_CODES} (BOOL 1, UINT8 2, UINT16 3, UINT32 4, UINT64 5, INT8 6, INT16 7, INT32 8, INT64 9, FP16 10, FP32 11, FP64 12, BYTES 13) |
 * | rank        | 4  | u32 little-endian: number of dims (0 for a scalar) |
 * | dims        | 8 each | u64 little-endian, outermost first |
 * | data        | rest | raw little-endian row-major elements, exactly {@link tensorToBytes}: BOOL one byte 0/1, FP16 half bits, BYTES per element u32le length + bytes |
 *
 * Nothing is padded and nothing is appended. An empty tensor hashes its header only. Two tensors
 * have equal digests iff name, datatype, shape and element bits are equal (so NaN payloads and -0
 * count). Validates the tensor first; throws {@link TensorCodecError} if it is malformed.
 *
 * @example
 * Buffer.from(tensorDigest(t)).toString("hex")
 */
export function tensorDigest(t: Tensor): Uint8Array {
  const raw = tensorToBytes(t);
  const h = createHash("sha256");
  h.update(canonicalTensorHeader(t));
  h.update(raw);
  const d = h.digest();
  return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
}
