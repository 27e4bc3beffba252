// The bundled MLP's deterministic weights and biases (the bytes node/cheats looks for in mlp.onnx too).
import { xorshift32 } from "../util/xorshift32.js";

/**
 * `n` float32 values of the xorshift32 sequence from `seed`, scaled into a Glorot-uniform range for a layer of
 * `fanIn` inputs and `fanOut` outputs. `buildMlpOnnx` takes its initializers from here (W1 is seed 1, 16 x 32).
 *
 * @example
 * const w1 = mlpWeights(1, 16 * 32, 16, 32);
 */
export function mlpWeights(seed: number, n: number, fanIn: number, fanOut: number): Float32Array {
  const out = new Float32Array(n);
  const next = xorshift32(seed);
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  for (let i = 0; i < n; i++) out[i] = ((next() / 0xffffffff) * 2 - 1) * limit;
  return out;
}
