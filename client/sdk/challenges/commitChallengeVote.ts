// Commits a committee member's vote on a wrong-output challenge.
import { hexlify, randomBytes } from "ethers";
import type { ClientContext } from "../ClientContext.js";
import { sendTransaction } from "../internal/sendTransaction.js";
import { voteCode } from "../internal/voteCode.js";
import type { ChallengeVote } from "./ChallengeVote.js";

/**
 * Commits the caller's vote; keep the returned salt to reveal it with {@link revealChallengeVote}.
 *
 * @example
 * const { salt } = await client.commitChallengeVote(id, "mismatch");
 * await client.revealChallengeVote(id, "mismatch", salt);
 */
export async function commitChallengeVote(ctx: ClientContext, challengeId: bigint, vote: ChallengeVote, salt: string = hexlify(randomBytes(32))): Promise<{ salt: string }> {
  const voter = await ctx.signer!.getAddress();
  const commitment = await ctx.contracts.challenges.voteCommitment(challengeId, voter, voteCode[vote], salt);
  await sendTransaction(ctx, "commitVote", ctx.contracts.challenges, "commitVote", [challengeId, commitment]);
  return { salt };
}
