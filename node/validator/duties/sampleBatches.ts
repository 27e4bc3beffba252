// Duty: audit a secret random sample of every node's committed receipts (fetch receipt, proof and data; re-run).
import { keccak256, concat, toBeHex } from "ethers";
import { verifyReceiptSignature } from "../../../client/index.js";
import type { Validator, Tracked } from "../Validator.js";

/** Walks new batches of every node and audits each receipt picked by the secret sampling hash. */
export async function sampleBatches(v: Validator): Promise<void> {
  const rate = v.config.sampleRate ?? 0.05;
  if (rate <= 0) return;
  const threshold = BigInt(Math.floor(rate * 2 ** 52)) << 204n;
  for (const t of v.nodes.values()) {
    if (!t.node.eligible) continue;
    const count = BigInt(await v.chain.auditLog.batchCount(t.node.signer));
    for (; t.nextBatch < count; t.nextBatch++) {
      const batch = await v.chain.auditLog.batchAt(t.node.signer, t.nextBatch);
      for (let seq = batch.firstSeq as bigint; seq <= (batch.lastSeq as bigint); seq++) {
        const pick = BigInt(keccak256(concat([v.secret, t.node.signer, toBeHex(seq, 8)])));
        if (pick < threshold) await sampleOne(v, t, seq);
      }
    }
  }
}

async function sampleOne(v: Validator, t: Tracked, seq: bigint): Promise<void> {
  let st;
  try {
    st = await t.client.receiptBySeq(seq);
  } catch (e) {
    v.log.debug("sample fetch failed", { node: t.node.signer, seq, error: (e as Error).message });
  }
  if (!st) {
    t.record.check(false, true);
    v.log.warn("node cannot show a committed receipt", { node: t.node.signer, seq });
    return;
  }
  const receipt = st.receipt;
  if (receipt.seq !== seq || !verifyReceiptSignature(receipt, v.chain.domain, t.node.signer)) {
    t.record.check(false, true);
    return;
  }
  await v.holdReceipt(t, receipt);
  if (!(await v.chain.verifyInclusion(receipt, st.proof))) {
    // The node's own receipt for a committed seq is not in the committed batch: it must answer an inclusion challenge.
    v.pendingInclusion.push({ receipt, signer: t.node.signer });
  }
  const data = await t.client.receiptData(receipt.requestId).catch(() => undefined);
  if (!data) {
    t.record.check(false, true);
    return;
  }
  const reservoir = v.userInputs.get(receipt.modelHash) ?? [];
  if (reservoir.length < 32) reservoir.push(data.inputs);
  else reservoir[Math.floor(v.rnd() * reservoir.length)] = data.inputs;
  v.userInputs.set(receipt.modelHash, reservoir);
  await v.audit(t, receipt, data.inputs, data.outputs, true);
}
