// Polls a node's receipt API until the receipt is committed, then verifies the proof against the chain.
import type { Hex, SignedReceipt } from "../index.js";
import type { ClientContext } from "./ClientContext.js";
import { InclusionTimeoutError } from "./errors/InclusionTimeoutError.js";
import { NodeRequestError } from "./errors/NodeRequestError.js";
import { fetchNode } from "./fetchNode.js";
import { verifyInclusion } from "./verifyInclusion.js";

/** Parameters of {@link waitForInclusion}. */
export interface WaitForInclusionParameters {
  /** Base URL of the node that signed the receipt. */
  endpoint: string;
  /** Give up after this many ms (default 60 000). */
  timeoutMs?: number;
  /** Poll interval in ms (default 500). */
  pollMs?: number;
  /** Called on every poll with the node's status ("pending", "committed"...). */
  onStatus?: (status: string) => void;
}

/** A receipt proved included in a batch whose root is on-chain. */
export interface InclusionProof {
  leaf: Hex;
  root: Hex;
  proof: Hex[];
  batchIndex: number;
  firstSeq: bigint;
  lastSeq: bigint;
  /** The commitBatch transaction, when the node reports it. */
  txHash?: Hex;
}

interface ReceiptStatus {
  status?: string;
  root?: Hex;
  proof?: Hex[];
  txHash?: Hex;
  batch?: { root?: Hex; txHash?: Hex; index?: number | string; batchIndex?: number | string };
}

/**
 * Waits until the node reports the receipt committed, then checks three things itself: the Merkle
 * proof leads from the receipt's leaf (its EIP-712 struct hash) to the root; that root is the one
 * AuditLog stores (as its 176-bit commitment) for the batch covering the receipt's (node, seq); and AuditLog.verifyReceipt
 * accepts the proof on-chain. Throws {@link InclusionTimeoutError} or {@link InclusionProofError}.
 *
 * @example
 * const { receipt, node } = await client.infer({ model: "tiny-mlp", inputs });
 * const inclusion = await client.waitForInclusion(receipt, { endpoint: node.endpoint });
 * console.log("committed under root", inclusion.root);
 */
export async function waitForInclusion(ctx: ClientContext, receipt: SignedReceipt, p: WaitForInclusionParameters): Promise<InclusionProof> {
  const timeoutMs = p.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  let last = "unknown";
  for (;;) {
    let body: ReceiptStatus | undefined;
    try {
      const res = await fetchNode(p.endpoint, `/v2/receipts/${receipt.requestId}`, {}, ctx.httpTimeoutMs);
      body = (await res.json()) as ReceiptStatus;
      last = body.status ?? "unknown";
    } catch (e) {
      if (!(e instanceof NodeRequestError)) throw e;
      last = e.shortMessage;
    }
    p.onStatus?.(last);
    const root = body?.root ?? body?.batch?.root;
    if (body && last === "committed" && root && body.proof) {
      return verifyInclusion(ctx, { receipt, root, proof: body.proof, txHash: body.txHash ?? body.batch?.txHash });
    }
    if (Date.now() + (p.pollMs ?? 500) > deadline) throw new InclusionTimeoutError(receipt.requestId, timeoutMs, last);
    await new Promise((r) => setTimeout(r, p.pollMs ?? 500));
  }
}
