// Writes a "different model" for the bundled MLP (same inputs and outputs, other weights) for the wrongModel cheat.
import { readFileSync, writeFileSync } from "node:fs";
import { mlpWeights } from "../models/mlpWeights.js";

/** The MLP's first-layer weights W1 (16 x 32), exactly as node/models/buildMlpOnnx.ts writes them. */
const firstLayer = () => mlpWeights(1, 16 * 32, 16, 32);

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
