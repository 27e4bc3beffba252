// The raw little-endian row-major bytes of a tensor (the OIP binary tensor extension layout).
import type { Tensor } from "./Tensor.js";
import { assertTensor } from "./assertTensor.js";
import { assertLittleEndianHost } from "./internal/assertLittleEndianHost.js";

/**
 * The tensor's elements as raw bytes: little-endian, row-major, no padding; BOOL one byte (0/1) per
 * element, FP16 the half bits, BYTES the serialized elements (u32le length + bytes each). This is
 * the layout of Triton's binary tensor extension and the payload part of the canonical digest.
 * Validates the tensor first ({@link assertTensor}). Returns a view over `t.data` (no copy).
 *
 * @example
 * res.write(tensorToBytes(output))
 */
export function tensorToBytes(t: Tensor): Uint8Array {
  assertTensor(t);
  assertLittleEndianHost();
  return new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
}
