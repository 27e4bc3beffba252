// Opens a wrong-output challenge (validators only): a committee re-runs the model and votes.
import type { Hex, SignedReceipt } from "../../index.js";
import type { ClientContext } from "../ClientContext.js";
import { ensureAllowance } from "../internal/ensureAllowance.js";
import { findEvent } from "../internal/findEvent.js";
import { sendTransaction } from "../internal/sendTransaction.js";
import { toContractReceipt } from "../../disputes/toContractReceipt.js";

/** Parameters of {@link challengeOutput}. */
export interface ChallengeOutputParameters {
  receipt: SignedReceipt;
  /** Inclusion proof, used when the signature is not sent (`useProof`). */
  proof?: Hex[];
  /** Authenticate the receipt by its inclusion proof instead of its signature. */
  useProof?: boolean;
  /** Where committee members can fetch the input and output (e.g. the node's /v2/receipts/{id}/data). */
  evidenceUri?: string;
}

/**
 * Opens a wrong-output challenge, posting the bond (approved first). The caller must be a
 * registered validator. Then `drawCommittee`, members' votes and `finalizeChallenge` follow.
 *
 * @example
 * const { challengeId } = await validatorClient.challengeOutput({ receipt, evidenceUri: `${node.endpoint}/v2/receipts/${receipt.requestId}/data` });
 */
export async function challengeOutput(ctx: ClientContext, p: ChallengeOutputParameters): Promise<{ challengeId: bigint; txHash: string }> {
  const params = await ctx.contracts.challenges.params();
  await ensureAllowance(ctx, ctx.addresses.contracts.Challenges, BigInt(params.wrongOutputBond));
  const signature = p.useProof ? "0x" : p.receipt.signature;
  const tx = await sendTransaction(ctx, "openWrongOutputChallenge", ctx.contracts.challenges, "openWrongOutputChallenge", [
    toContractReceipt(p.receipt),
    signature,
    p.proof ?? [],
    p.evidenceUri ?? "",
  ]);
  const opened = findEvent(tx, ctx.contracts.challenges, "ChallengeOpened");
  return { challengeId: BigInt(opened?.args.id ?? 0n), txHash: tx.hash };
}
