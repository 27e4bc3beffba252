// Splits the Triton binary layout of a BYTES tensor back into its elements.
import { TensorCodecError } from "../errors/TensorCodecError.js";

/**
 * Splits BYTES tensor data (per element: u32le length, then bytes) into one Uint8Array per element
 * (views, no copies). Throws {@link TensorCodecError} when a length runs past the end, or when
 * `expectedCount` is given and differs from the number of elements.
 *
 * @example
 * decodeBytesElements(t.data as Uint8Array).map((b) => Buffer.from(b).toString("utf8"))
 */
export function decodeBytesElements(data: Uint8Array, expectedCount?: number): Uint8Array[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: Uint8Array[] = [];
  let at = 0;
  while (at < data.length) {
    if (at + 4 > data.length) {
      throw new TensorCodecError(`BYTES data ends inside the length prefix of element ${out.length}`, {
        details: `${data.length - at} trailing byte(s) at offset ${at}; each element is a 4-byte little-endian length followed by its bytes`,
      });
    }
    const len = view.getUint32(at, true);
    if (at + 4 + len > data.length) {
      throw new TensorCodecError(`BYTES element ${out.length} claims ${len} bytes but only ${data.length - at - 4} remain`, {
        details: "each element is a 4-byte little-endian length followed by exactly that many bytes",
      });
    }
    out.push(data.subarray(at + 4, at + 4 + len));
    at += 4 + len;
  }
  if (expectedCount !== undefined && out.length !== expectedCount) {
    throw new TensorCodecError(`BYTES data holds ${out.length} element(s) but the shape needs ${expectedCount}`, {
      details: "the number of serialized elements must equal the product of the shape",
    });
  }
  return out;
}
