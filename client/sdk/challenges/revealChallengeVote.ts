// Reveals a committee member's vote on a wrong-output challenge.
import type { ClientContext } from "../ClientContext.js";
import { sendTransaction } from "../internal/sendTransaction.js";
import { voteCode } from "../internal/voteCode.js";
import type { ChallengeVote } from "./ChallengeVote.js";

/**
 * Reveals a vote committed with {@link commitChallengeVote} (same vote and salt).
 *
 * @example
 * await client.revealChallengeVote(id, "mismatch", salt);
 */
export async function revealChallengeVote(ctx: ClientContext, challengeId: bigint, vote: ChallengeVote, salt: string): Promise<void> {
  await sendTransaction(ctx, "revealVote", ctx.contracts.challenges, "revealVote", [challengeId, voteCode[vote], salt]);
}
