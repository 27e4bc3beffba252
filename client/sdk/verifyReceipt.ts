// Verifies a stored receipt end to end: signed by a registered node, and committed on-chain.
import { getAddress } from "ethers";
import { recoverReceiptSigner, type SignedReceipt } from "../index.js";
import type { ClientContext } from "./ClientContext.js";
import { ReceiptSignatureMismatchError } from "./errors/ReceiptSignatureMismatchError.js";
import { NoNodesAvailableError } from "./errors/NoNodesAvailableError.js";
import { listNodes } from "./listNodes.js";
import type { NodeInfo } from "./NodeInfo.js";
import { waitForInclusion, type InclusionProof } from "./waitForInclusion.js";

/**
 * Checks that `receipt` was signed by `receipt.node`, that this key is a node registered in the
 * Subnet, and (unless `inclusion: false`) waits for and verifies its inclusion proof against the
 * on-chain root.
 *
 * @example
 * const { node, inclusion } = await client.verifyReceipt(receipt, { timeoutMs: 30_000 });
 */
export async function verifyReceipt(
  ctx: ClientContext,
  receipt: SignedReceipt,
  p: { endpoint?: string; inclusion?: boolean; timeoutMs?: number; onStatus?: (s: string) => void } = {},
): Promise<{ node: NodeInfo; inclusion?: InclusionProof }> {
  const recovered = getAddress(recoverReceiptSigner(receipt, ctx.domain));
  if (recovered !== getAddress(receipt.node)) throw new ReceiptSignatureMismatchError(getAddress(receipt.node), recovered);
  const node = (await listNodes(ctx)).find((n) => getAddress(n.signingKey) === recovered);
  if (!node) throw new NoNodesAvailableError(`(signing key ${recovered})`, "this key is not a registered node");
  if (p.inclusion === false) return { node };
  const inclusion = await waitForInclusion(ctx, receipt, { endpoint: p.endpoint ?? node.endpoint, timeoutMs: p.timeoutMs, onStatus: p.onStatus });
  return { node, inclusion };
}
