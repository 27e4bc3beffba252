// Writes a "different model" for the bundled MLP (same inputs and outputs, other weights) for the wrongModel cheat.
import { readFileSync, writeFileSync } from "node:fs";

/** The MLP's first-layer weights, exactly as node/models/buildMlpOnnx.ts generates them (xorshift32, Glorot). */
function firstLayer(): Float32Array {
  const n = 16 * 32;
  const out = new Float32Array(n);
  let s = 1;
  const limit = Math.sqrt(6 / (16 + 32));
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = ((s / 0xffffffff) * 2 - 1) * limit;
  }
  return out;
}

/**
 * Copies `mlpFile` to `outFile` with the first layer's weights reversed in order: a valid ONNX model with
 * the same I/O and a different function (the "cheaper or different model" cheat).
 *
 * @example
 * writeDifferentMlp("models/mlp/mlp.onnx", join(dir, "wrong.onnx"));
 */
export function writeDifferentMlp(mlpFile: string, outFile: string): void {
  const bytes = Buffer.from(readFileSync(mlpFile));
  const w = Buffer.from(firstLayer().buffer);
  const at = bytes.indexOf(w);
  if (at < 0) throw new Error(`W1 not found in ${mlpFile}: buildMlpOnnx changed?`);
  Buffer.from(firstLayer().reverse().buffer).copy(bytes, at);
  writeFileSync(outFile, bytes);
}
