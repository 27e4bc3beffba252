// Duty: check that every receipt the validator holds ends up committed; prove double-signs, challenge omissions.
import type { SignedReceipt } from "../../../client/index.js";
import { hashReceipt, verifyReceiptSignature } from "../../../client/index.js";
import type { Validator, Tracked, PendingInclusion } from "../Validator.js";

/**
 * For every held receipt now due (a batch covers its seq, or its commit window passed), asks the node for its
 * proof. A different signed receipt for the same seq is a double-sign, proved at once; no valid proof for
 * `inclusionGraceMs` after the seq was covered (the node may still be recording its commit) opens an inclusion
 * challenge, which the contract settles alone.
 */
export async function checkInclusion(v: Validator): Promise<void> {
  if (v.pendingInclusion.length === 0) return;
  const commitWindow = (await v.chain.challengeParams()).commitWindow;
  const grace = v.config.inclusionGraceMs ?? 10_000;
  const now = await v.chain.now();
  const nextSeqs = new Map<string, bigint>();
  const keep: PendingInclusion[] = [];
  for (const p of v.pendingInclusion.splice(0)) {
    const key = p.signer.toLowerCase();
    const t = v.nodes.get(key);
    if (!t || !t.node.eligible) continue;
    if (!nextSeqs.has(key)) nextSeqs.set(key, BigInt(await v.chain.auditLog.nextSeq(p.signer)));
    const covered = p.receipt.seq < nextSeqs.get(key)! ? await v.chain.batchCovering(p.signer, p.receipt.seq) : undefined;
    const overdue = now > p.receipt.timestamp + commitWindow;
    if (!covered && !overdue) {
      keep.push(p);
      continue;
    }
    const state = covered ? await inclusionState(v, t, p.receipt) : "unproven";
    if (state === "included") v.totals.inclusionProofs++;
    if (state === "included" || state === "conflict") continue;
    p.unprovenSince ??= Date.now();
    if (Date.now() - p.unprovenSince < grace) {
      keep.push(p);
      continue;
    }
    const detail = covered ? `receipt seq ${p.receipt.seq} is not in the committed batch` : `receipt seq ${p.receipt.seq} not committed in time`;
    v.recordFault(t, "inclusion", detail, `inc:${hashReceipt(p.receipt)}`, p.receipt.seq);
    if (v.mayChallenge(t)) await v.open(t, "inclusion", p.receipt, detail, () => v.chain.openInclusionChallenge(p.receipt));
  }
  v.pendingInclusion.push(...keep);
}

/** Asks the node for the receipt's proof; a different receipt the node signed for the same seq is a double-sign. */
async function inclusionState(v: Validator, t: Tracked, receipt: SignedReceipt): Promise<"included" | "conflict" | "unproven"> {
  const leaf = hashReceipt(receipt);
  const st = await t.client.receipt(receipt.requestId).catch(() => undefined);
  if (st && verifyReceiptSignature(st.receipt, v.chain.domain, t.node.signer)) {
    if (hashReceipt(st.receipt) === leaf) return (await v.chain.verifyInclusion(receipt, st.proof)) ? "included" : "unproven";
    await v.holdReceipt(t, st.receipt);
  }
  const bySeq = await t.client.receiptBySeq(receipt.seq).catch(() => undefined);
  if (bySeq && verifyReceiptSignature(bySeq.receipt, v.chain.domain, t.node.signer) && bySeq.receipt.seq === receipt.seq) {
    if (hashReceipt(bySeq.receipt) === leaf) return (await v.chain.verifyInclusion(receipt, bySeq.proof)) ? "included" : "unproven";
    await v.holdReceipt(t, bySeq.receipt);
    return "conflict";
  }
  return "unproven";
}
