// Proves that a node signed two different receipts for one seq; the node is slashed at once.
import type { SignedReceipt } from "../../index.js";
import type { ClientContext } from "../ClientContext.js";
import { findEvent } from "../internal/findEvent.js";
import { sendTransaction } from "../internal/sendTransaction.js";
import { toContractReceipt } from "../../disputes/toContractReceipt.js";

/**
 * Submits two conflicting signed receipts of the same (node, seq). The contract checks both
 * signatures, slashes the node's operator and pays the caller the slash reward.
 *
 * @example
 * const { challengeId, slashed } = await client.proveDoubleSign(receiptA, receiptB);
 */
export async function proveDoubleSign(ctx: ClientContext, a: SignedReceipt, b: SignedReceipt): Promise<{ challengeId: bigint; slashed: bigint; txHash: string }> {
  const receipt = await sendTransaction(ctx, "proveDoubleSign", ctx.contracts.challenges, "proveDoubleSign", [toContractReceipt(a), a.signature, toContractReceipt(b), b.signature]);
  const slash = findEvent(receipt, ctx.contracts.challenges, "NodeSlashed");
  const opened = findEvent(receipt, ctx.contracts.challenges, "ChallengeOpened");
  return { challengeId: BigInt(opened?.args.id ?? 0n), slashed: BigInt(slash?.args.slashed ?? 0n), txHash: receipt.hash };
}
