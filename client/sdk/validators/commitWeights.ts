// Commits the hash of a validator's weights for the current epoch.
import { hexlify, randomBytes } from "ethers";
import type { ClientContext } from "../ClientContext.js";
import { sendTransaction } from "../internal/sendTransaction.js";
import { SignerRequiredError } from "../errors/SignerRequiredError.js";
import { normalizeWeights } from "../internal/normalizeWeights.js";
import type { Weights } from "./Weights.js";
import { weightsCommitHash } from "./weightsCommitHash.js";

/**
 * Commits the hash of `weights` for the current epoch (commit window: its first `commitBlocks`
 * blocks). Keep the returned salt and weights for {@link revealWeights}.
 *
 * @example
 * const c = await client.commitWeights({ nodeIds: [0, 1, 2], weights: [65535, 60000, 0] });
 * // ... once the reveal window opens (client.epochInfo().phase === "reveal"):
 * await client.revealWeights(c);
 */
export async function commitWeights(ctx: ClientContext, w: Weights, salt: string = hexlify(randomBytes(32))): Promise<Weights & { salt: string; epoch: bigint; txHash: string }> {
  if (!ctx.signer) throw new SignerRequiredError("commitWeights");
  const n = normalizeWeights(w);
  const me = await ctx.signer.getAddress();
  const epoch = BigInt(await ctx.contracts.subnet.currentEpoch({ blockTag: "pending" }));
  const tx = await sendTransaction(ctx, "commitWeights", ctx.contracts.subnet, "commitWeights", [weightsCommitHash(me, epoch, n.nodeIds, n.weights, salt)], "Commits are accepted only in the commit window at the start of an epoch (client.epochInfo()).");
  return { ...n, salt, epoch, txHash: tx.hash };
}
