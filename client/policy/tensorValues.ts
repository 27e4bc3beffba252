// Reads any numeric tensor's elements as float64 numbers for the tolerance metrics.
import type { Tensor } from "../index.js";
import { fp16ToNumber } from "../protocol/fp16ToNumber.js";

/**
 * The tensor's elements as a `Float64Array` in row-major order: FP16 raw bits are decoded, 64-bit
 * integers converted (exact up to 2^53), BOOL read as 0/1. Returns `undefined` for BYTES tensors,
 * which have no numeric value and are compared byte for byte instead.
 *
 * @example
 * tensorValues({ name: "y", datatype: "FP16", shape: [1], data: Uint16Array.of(0x3c00) }); // Float64Array [1]
 */
export function tensorValues(tensor: Tensor): Float64Array | undefined {
  const { datatype, data } = tensor;
  if (datatype === "BYTES") return undefined;
  const out = new Float64Array(data.length);
  if (datatype === "FP16") {
    const bits = data as Uint16Array;
    for (let i = 0; i < bits.length; i++) out[i] = fp16ToNumber(bits[i]);
  } else if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
    for (let i = 0; i < data.length; i++) out[i] = Number(data[i]);
  } else {
    out.set(data as ArrayLike<number>);
  }
  return out;
}
