// SHA-256 of a tensor's canonical encoding: name, datatype code, rank, dims, raw LE row-major bytes.
//
// Protocol v1, canonical tensor encoding (binding for node, client, validator and contracts alike):
//
//   encoding(t) = u32le(len(utf8(name))) || utf8(name)      name, no terminator, no normalisation
//              || u8(code(datatype))                         BOOL 1, UINT8 2, UINT16 3, UINT32 4, UINT64 5,
//                                                            INT8 6, INT16 7, INT32 8, INT64 9, FP16 10,
//                                                            FP32 11, FP64 12, BYTES 13 (0 reserved)
//              || u32le(rank)                                0 for a scalar
//              || u64le(dim_0) || ... || u64le(dim_rank-1)   outermost first
//              || data(t)                                    elements little-endian, row-major, unpadded:
//                                                            BOOL 1 byte 0/1, FP16 IEEE half bits,
//                                                            BYTES per element u32le(len) || bytes;
//                                                            FP16/FP32/FP64: every NaN as the canonical
//                                                            quiet NaN (7e00 / 7fc00000 / 7ff8000000000000)
//                                                            and -0 as +0; all other bits as they are
//   tensorDigest(t) = sha256(encoding(t))
//   ioDigest(ts)    = sha256(tensorDigest(t_1) || ... || tensorDigest(t_k)), ts sorted by utf8(name)
//                     byte order, names unique; k = 0 gives sha256("")
//
// Why: the header binds name, type and shape so that equal bytes under another shape or type do not
// collide; sorting by name makes the request's tensor order irrelevant; SHA-256 runs at about 1 GB/s
// in Node's OpenSSL and has an EVM precompile. NaN payloads and the sign of zero are the only float
// distinctions OIP JSON cannot carry (JSON.stringify(-0) is "0", NaN travels as "NaN"), so they are
// folded: a digest computed by the node on its ORT output equals the one a client computes on the
// JSON it received. Every other bit counts; tolerance comparisons (verification policies) work on the
// data, never on digests.
import { createHash } from "node:crypto";
import type { Tensor } from "./Tensor.js";
import { canonicalTensorHeader } from "./canonicalTensorHeader.js";
import { canonicalFloatBytes } from "./internal/canonicalFloatBytes.js";
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
 * | data        | rest | little-endian row-major elements as {@link tensorToBytes} gives them (BOOL one byte 0/1, FP16 half bits, BYTES per element u32le length + bytes), except that float NaNs are written as the canonical quiet NaN and -0 as +0 |
 *
 * Nothing is padded and nothing is appended. An empty tensor hashes its header only. Two tensors
 * have equal digests iff name, datatype, shape and element bits are equal, NaN payloads and the
 * sign of zero aside (which JSON cannot carry). Validates the tensor first; throws {@link TensorCodecError} if it is malformed.
 *
 * @example
 * Buffer.from(tensorDigest(t)).toString("hex")
 */
export function tensorDigest(t: Tensor): Uint8Array {
  const raw = tensorToBytes(t);
  const h = createHash("sha256");
  h.update(canonicalTensorHeader(t));
  h.update(canonicalFloatBytes(t.datatype, raw));
  const d = h.digest();
  return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
}
