// Rewrites a tensor's numbers element by element, keeping its name, datatype and shape (for the output cheats).
import type { Tensor, TensorData } from "../../client/index.js";
import { fp16ToNumber, numberToFp16 } from "../../client/index.js";

/**
 * A copy of `t` whose every numeric element `v` becomes `f(v, maxAbs)`, where `maxAbs` is the largest
 * finite magnitude in `t`. FP16 is decoded and re-encoded, integers rounded (and clamped to BOOL 0/1),
 * 64-bit integers handled as numbers. BYTES tensors are returned unchanged.
 *
 * @example
 * perturbTensor(t, (v, max) => v + 0.05 * max);
 */
export function perturbTensor(t: Tensor, f: (v: number, maxAbs: number) => number): Tensor {
  if (t.datatype === "BYTES") return t;
  const src = t.data;
  const n = src.length;
  const read = (i: number): number =>
    t.datatype === "FP16" ? fp16ToNumber((src as Uint16Array)[i]) : Number((src as ArrayLike<number | bigint>)[i]);
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.abs(read(i));
    if (Number.isFinite(v) && v > maxAbs) maxAbs = v;
  }
  const out = new (src.constructor as new (n: number) => TensorData)(n);
  for (let i = 0; i < n; i++) {
    const v = f(read(i), maxAbs);
    if (t.datatype === "FP16") (out as Uint16Array)[i] = numberToFp16(v);
    else if (t.datatype === "FP32" || t.datatype === "FP64") (out as Float32Array)[i] = v;
    else if (t.datatype === "BOOL") (out as Uint8Array)[i] = v >= 0.5 ? 1 : 0;
    else if (out instanceof BigInt64Array || out instanceof BigUint64Array) (out as BigInt64Array)[i] = BigInt(Math.round(v));
    else (out as Int32Array)[i] = Math.round(v);
  }
  return { name: t.name, datatype: t.datatype, shape: [...t.shape], data: out };
}
