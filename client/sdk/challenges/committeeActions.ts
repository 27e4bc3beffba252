// Committee steps of a wrong-output challenge: draw, commit a vote, reveal it, finalize.
import { hexlify, randomBytes } from "ethers";
import type { ClientContext } from "../ClientContext.js";
import { sendTransaction } from "../internal/sendTransaction.js";

/** A committee vote: the output matches the re-run under the model's policy, or it does not. */
export type ChallengeVote = "match" | "mismatch";
const VOTE = { match: 1, mismatch: 2 } as const;

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

/**
 * Commits the caller's vote; keep the returned salt to reveal it with {@link revealChallengeVote}.
 *
 * @example
 * const { salt } = await client.commitChallengeVote(id, "mismatch");
 * await client.revealChallengeVote(id, "mismatch", salt);
 */
export async function commitChallengeVote(ctx: ClientContext, challengeId: bigint, vote: ChallengeVote, salt: string = hexlify(randomBytes(32))): Promise<{ salt: string }> {
  const voter = await ctx.signer!.getAddress();
  const commitment = await ctx.contracts.challenges.voteCommitment(challengeId, voter, VOTE[vote], salt);
  await sendTransaction(ctx, "commitVote", ctx.contracts.challenges, "commitVote", [challengeId, commitment]);
  return { salt };
}

/** Reveals a committed vote. */
export async function revealChallengeVote(ctx: ClientContext, challengeId: bigint, vote: ChallengeVote, salt: string): Promise<void> {
  await sendTransaction(ctx, "revealVote", ctx.contracts.challenges, "revealVote", [challengeId, VOTE[vote], salt]);
}

/**
 * Settles a challenge once it can be (inclusion deadline passed, or voting over).
 *
 * @example
 * const { outcome } = await client.finalizeChallenge(id);
 */
export async function finalizeChallenge(ctx: ClientContext, challengeId: bigint): Promise<{ outcome: string; txHash: string }> {
  const tx = await sendTransaction(ctx, "finalize", ctx.contracts.challenges, "finalize", [challengeId]);
  const c = await ctx.contracts.challenges.getChallenge(challengeId);
  return { outcome: OUTCOMES[Number(c.outcome)] ?? String(c.outcome), txHash: tx.hash };
}

/** Names of IChallenges.Outcome values. */
export const OUTCOMES = ["None", "DoubleSigned", "InclusionUnanswered", "InclusionProved", "Mismatch", "Match", "Tie", "NoQuorum", "NoCommittee"];
