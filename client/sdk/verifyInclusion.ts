// Verifies a receipt's inclusion proof against the root committed on-chain.
import { hashReceipt, verifyBatchProof, type Hex, type SignedReceipt } from "../index.js";
import type { ClientContext } from "./ClientContext.js";
import { InclusionProofError } from "./errors/InclusionProofError.js";
import { toContractReceipt } from "../disputes/toContractReceipt.js";
import type { InclusionProof } from "./waitForInclusion.js";

/**
 * Checks a receipt's Merkle proof three ways, trusting no one: it leads from the receipt's leaf
 * (its EIP-712 struct hash) to `root`; `root` matches what AuditLog stores for the batch covering
 * (node, seq) (a 176-bit commitment); and `AuditLog.verifyReceipt` accepts it on-chain. Throws
 * {@link InclusionProofError} saying which check failed.
 *
 * @example
 * const inclusion = await client.verifyInclusion({ receipt, root, proof });
 */
export async function verifyInclusion(ctx: ClientContext, p: { receipt: SignedReceipt; root: Hex; proof: Hex[]; txHash?: Hex }): Promise<InclusionProof> {
  const { receipt, root, proof, txHash } = p;
  const leaf = hashReceipt(receipt);
  if (!verifyBatchProof(leaf, proof, root)) throw new InclusionProofError(receipt.requestId, "the proof does not lead from the receipt's leaf to the given root");
  const [found, batchIndex, batch] = await ctx.contracts.auditLog.findBatch(receipt.node, receipt.seq);
  if (!found) throw new InclusionProofError(receipt.requestId, `AuditLog has no batch covering seq ${receipt.seq} of ${receipt.node}`);
  // AuditLog stores a root's commitment (its high 176 bits) to keep a batch in one storage word.
  if (BigInt(batch.root) >> 80n !== BigInt(root) >> 80n) {
    throw new InclusionProofError(receipt.requestId, `the on-chain root commitment ${batch.root} does not match the node's root ${root}`);
  }
  if (!(await ctx.contracts.auditLog.verifyReceipt(toContractReceipt(receipt), proof))) {
    throw new InclusionProofError(receipt.requestId, "AuditLog.verifyReceipt rejected the proof");
  }
  return { leaf, root, proof, batchIndex: Number(batchIndex), firstSeq: BigInt(batch.firstSeq), lastSeq: BigInt(batch.lastSeq), txHash };
}
