// Draws the committee of a wrong-output challenge.
import type { ClientContext } from "../ClientContext.js";
import { sendTransaction } from "../internal/sendTransaction.js";

/**
 * Draws the committee of a wrong-output challenge (anyone may call once the seed block is mined).
 *
 * @example
 * await client.drawCommittee(challengeId);
 */
export async function drawCommittee(ctx: ClientContext, challengeId: bigint): Promise<{ members: string[] }> {
  await sendTransaction(ctx, "drawCommittee", ctx.contracts.challenges, "drawCommittee", [challengeId]);
  return { members: [...(await ctx.contracts.challenges.committeeOf(challengeId))] };
}
