// Opens an inclusion challenge for a signed receipt the node has not (correctly) committed.
import type { SignedReceipt } from "../../index.js";
import type { ClientContext } from "../ClientContext.js";
import { ensureAllowance } from "../internal/ensureAllowance.js";
import { findEvent } from "../internal/findEvent.js";
import { sendTransaction } from "../internal/sendTransaction.js";
import { toContractReceipt } from "../../disputes/toContractReceipt.js";

/**
 * Opens an inclusion challenge (approving the inclusion bond first). The node must answer with a
 * Merkle proof before the response deadline, else `finalizeChallenge` slashes it. Only possible once
 * the receipt's commit deadline has passed or a batch covers its seq (ChallengesInclusionNotDue).
 *
 * @example
 * const { challengeId, responseDeadline } = await client.challengeInclusion(receipt);
 */
export async function challengeInclusion(ctx: ClientContext, receipt: SignedReceipt): Promise<{ challengeId: bigint; responseDeadline: bigint; txHash: string }> {
  const params = await ctx.contracts.challenges.params();
  await ensureAllowance(ctx, ctx.addresses.contracts.Challenges, BigInt(params.inclusionBond));
  const tx = await sendTransaction(ctx, "openInclusionChallenge", ctx.contracts.challenges, "openInclusionChallenge", [toContractReceipt(receipt), receipt.signature]);
  const opened = findEvent(tx, ctx.contracts.challenges, "ChallengeOpened");
  const requested = findEvent(tx, ctx.contracts.challenges, "InclusionResponseRequested");
  return { challengeId: BigInt(opened?.args.id ?? 0n), responseDeadline: BigInt(requested?.args.responseDeadline ?? 0n), txHash: tx.hash };
}
