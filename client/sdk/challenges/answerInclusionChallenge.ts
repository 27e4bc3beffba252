// Answers an inclusion challenge with the Merkle proof of the disputed receipt.
import type { Hex } from "../../index.js";
import type { ClientContext } from "../ClientContext.js";
import { sendTransaction } from "../internal/sendTransaction.js";

/**
 * Answers inclusion challenge `challengeId` with the proof of its receipt in the batch covering its
 * seq (get it from `waitForInclusion` or the node's `/v2/receipts/{id}`). Anyone may answer.
 *
 * @example
 * await client.answerInclusionChallenge(id, inclusion.proof);
 */
export async function answerInclusionChallenge(ctx: ClientContext, challengeId: bigint, proof: Hex[]): Promise<{ txHash: string }> {
  const tx = await sendTransaction(ctx, "answerInclusionChallenge", ctx.contracts.challenges, "answerInclusionChallenge", [challengeId, proof]);
  return { txHash: tx.hash };
}
