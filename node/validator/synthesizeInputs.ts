// Synthesises a plausible request's input tensors from a model's OIP metadata and its probe settings.
import type { Datatype, Tensor, TensorData } from "../../client/index.js";
import { numberToFp16, parseDatatype } from "../../client/index.js";
import type { ProbeSpec } from "./ProbeSpec.js";

const ARRAYS: Record<string, new (n: number) => TensorData> = {
  BOOL: Uint8Array, UINT8: Uint8Array, INT8: Int8Array, UINT16: Uint16Array, INT16: Int16Array,
  UINT32: Uint32Array, INT32: Int32Array, UINT64: BigUint64Array, INT64: BigInt64Array,
  FP16: Uint16Array, FP32: Float32Array, FP64: Float64Array,
};

/**
 * One input set for `inputs` (OIP metadata: name, datatype, shape with -1 for dynamic dims). Floats are
 * a sum of a few random sinusoids plus a little noise, scaled into `spec.range` — smooth, signal-like data
 * rather than white noise. Integers and BOOL take `spec.values[name]` cyclically, else small random values.
 * BYTES inputs are not supported (throws).
 *
 * @example
 * synthesizeInputs(meta.inputs, { values: { sr: [16000] } }, Math.random);
 */
export function synthesizeInputs(
  inputs: readonly { name: string; datatype: string; shape: number[] }[],
  spec: ProbeSpec,
  rnd: () => number,
): Tensor[] {
  return inputs.map((meta) => {
    const datatype: Datatype = parseDatatype(meta.datatype);
    if (datatype === "BYTES") throw new Error(`input "${meta.name}": BYTES probes are not supported`);
    const shape = spec.shapes?.[meta.name] ?? meta.shape.map((d, i) => (d >= 0 ? d : i === 0 ? 1 : (spec.defaultDim ?? 16)));
    const n = shape.reduce((a, b) => a * b, 1);
    const data = new ARRAYS[datatype](n);
    const fixed = spec.values?.[meta.name];
    const [lo, hi] = spec.range ?? [-1, 1];
    const waves = Array.from({ length: 3 }, () => ({ f: 0.001 + rnd() * 0.05, p: rnd() * 6.283, a: rnd() }));
    const norm = waves.reduce((s, w) => s + w.a, 0) || 1;
    for (let i = 0; i < n; i++) {
      if (datatype === "FP32" || datatype === "FP64" || datatype === "FP16") {
        let v = 0;
        for (const w of waves) v += w.a * Math.sin(w.f * i + w.p);
        v = v / norm + (rnd() - 0.5) * 0.1;
        const x = lo + ((Math.max(-1, Math.min(1, v)) + 1) / 2) * (hi - lo);
        if (datatype === "FP16") (data as Uint16Array)[i] = numberToFp16(x);
        else (data as Float32Array)[i] = x;
      } else {
        const v = fixed ? fixed[i % fixed.length] : Math.floor(rnd() * 4);
        if (data instanceof BigInt64Array || data instanceof BigUint64Array) (data as BigInt64Array)[i] = BigInt(v);
        else (data as Int32Array)[i] = datatype === "BOOL" ? (v ? 1 : 0) : v;
      }
    }
    return { name: meta.name, datatype, shape, data };
  });
}
