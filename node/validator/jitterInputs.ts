// Makes a fresh probe from a user's input set: same names, shapes and integer values, floats nudged by ~0.1%.
import type { Tensor } from "../../client/index.js";

/**
 * A copy of `inputs` whose FP32/FP64 elements are each scaled by a random factor in [0.999, 1.001]; other
 * datatypes (integers such as a sample rate, BOOL, FP16, BYTES) are copied unchanged. The probe then looks like
 * the user's request yet is never a byte-identical replay a node could recognise or answer from a cache.
 *
 * @example
 * const probe = jitterInputs(sampledUserInputs, Math.random);
 */
export function jitterInputs(inputs: readonly Tensor[], rnd: () => number): Tensor[] {
  return inputs.map((t) => {
    if (t.datatype !== "FP32" && t.datatype !== "FP64") return { ...t, shape: [...t.shape], data: t.data.slice() as Tensor["data"] };
    const data = (t.data as Float32Array).map((v) => v * (1 + (rnd() - 0.5) * 2e-3));
    return { ...t, shape: [...t.shape], data };
  });
}
