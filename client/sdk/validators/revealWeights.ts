// Reveals weights committed earlier in the same epoch.
import type { ClientContext } from "../ClientContext.js";
import { sendTransaction } from "../internal/sendTransaction.js";
import { normalizeWeights } from "../internal/normalizeWeights.js";
import type { Weights } from "./Weights.js";

/**
 * Reveals weights committed in the same epoch (reveal window: after `commitBlocks`).
 *
 * @example
 * await client.revealWeights({ nodeIds, weights, salt });
 */
export async function revealWeights(ctx: ClientContext, w: Weights & { salt: string }): Promise<{ txHash: string }> {
  const n = normalizeWeights(w);
  const tx = await sendTransaction(ctx, "revealWeights", ctx.contracts.subnet, "revealWeights", [n.nodeIds, n.weights, w.salt], "Reveal in the same epoch as the commit, after its commit window.");
  return { txHash: tx.hash };
}
