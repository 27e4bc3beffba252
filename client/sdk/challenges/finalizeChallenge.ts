// Settles a challenge whose deadline passed or whose voting is over.
import type { ClientContext } from "../ClientContext.js";
import { sendTransaction } from "../internal/sendTransaction.js";
import { CHALLENGE_OUTCOMES } from "./CHALLENGE_OUTCOMES.js";

/**
 * Settles a challenge once it can be (inclusion deadline passed, or voting over).
 *
 * @example
 * const { outcome } = await client.finalizeChallenge(id);
 */
export async function finalizeChallenge(ctx: ClientContext, challengeId: bigint): Promise<{ outcome: string; txHash: string }> {
  const tx = await sendTransaction(ctx, "finalize", ctx.contracts.challenges, "finalize", [challengeId]);
  const c = await ctx.contracts.challenges.getChallenge(challengeId);
  return { outcome: CHALLENGE_OUTCOMES[Number(c.outcome)] ?? String(c.outcome), txHash: tx.hash };
}
