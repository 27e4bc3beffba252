// Sorts and range-checks weights so that a reveal cannot fail on ordering.
import type { Weights } from "../validators/Weights.js";

/**
 * Weights sorted by node id, each id and weight checked to be a u16.
 *
 * @example
 * normalizeWeights({ nodeIds: [2, 0], weights: [1, 65535] }) // { nodeIds: [0, 2], weights: [65535, 1] }
 */
export function normalizeWeights(w: Weights): Weights {
  if (w.nodeIds.length !== w.weights.length) throw new RangeError("nodeIds and weights must have the same length");
  const pairs = w.nodeIds.map((id, i) => [id, w.weights[i]] as const).sort((a, b) => a[0] - b[0]);
  for (const [id, x] of pairs) {
    if (!Number.isInteger(id) || id < 0 || id > 65535) throw new RangeError(`node id ${id} is not a u16`);
    if (!Number.isInteger(x) || x < 0 || x > 65535) throw new RangeError(`weight ${x} is not a u16 (0..65535)`);
  }
  return { nodeIds: pairs.map((p) => p[0]), weights: pairs.map((p) => p[1]) };
}
