// GET /v2/receipts/{requestId} or ?seq=N (receipt, commit status, batch, proof) and /v2/receipts/{requestId}/data.
import { Router } from "express";
import { encodeJsonTensor, receiptToJson, type SignedReceipt } from "../../../client/index.js";
import type { NodeContext } from "../NodeContext.js";
import type { StoredReceipt } from "../../store/StoredReceipt.js";
import { HttpError } from "../../http/HttpError.js";
import { unpackTensors } from "../../store/unpackTensors.js";

const REQUEST_ID = /^0x[0-9a-fA-F]{64}$/;

function lookup(ctx: NodeContext, requestId: string): StoredReceipt {
  if (!REQUEST_ID.test(requestId)) throw new HttpError(400, `requestId must be 0x followed by 64 hex digits, got '${requestId.slice(0, 80)}'`);
  const r = ctx.store.byRequestId(requestId);
  if (!r) throw new HttpError(404, `no receipt with requestId ${requestId} on this node`);
  return r;
}

function signed(r: StoredReceipt): SignedReceipt {
  const { modelName: _m, ...rest } = r;
  return rest;
}

/**
 * The receipt API. A receipt is `pending` until the batch covering its seq is committed on-chain;
 * then the answer carries the batch, its root, the transaction hash and the Merkle proof.
 *
 * @example
 * app.use(receiptRoutes(ctx));
 */
export function receiptRoutes(ctx: NodeContext): Router {
  const r = Router();
  const describe = (rec: StoredReceipt) => {
    const batch = ctx.store.batchCovering(rec.seq);
    const base = { receipt: receiptToJson(signed(rec)), model: rec.modelName, seq: rec.seq.toString() };
    if (!batch || batch.status !== "committed") return { ...base, status: "pending", batch: null, root: null, txHash: null, proof: null };
    const { proof, root, leaf } = ctx.proofs.proofFor(batch, rec.seq);
    return {
      ...base,
      status: "committed",
      batch: { index: batch.batchIndex?.toString() ?? null, firstSeq: batch.firstSeq.toString(), lastSeq: batch.lastSeq.toString(), root: batch.root },
      root,
      leaf,
      txHash: batch.txHash ?? null,
      proof,
    };
  };
  // By seq (validators sample committed seqs): GET /v2/receipts?seq=N, same answer as by request id.
  r.get("/v2/receipts", function getReceiptBySeq(req, res) {
    const seq = String(req.query.seq ?? "");
    if (!/^[0-9]{1,20}$/.test(seq)) throw new HttpError(400, `query parameter seq must be a decimal receipt seq, got '${seq.slice(0, 40)}'`);
    const rec = ctx.store.bySeq(BigInt(seq));
    if (!rec) throw new HttpError(404, `no receipt with seq ${seq} on this node`);
    res.json(describe(rec));
  });
  r.get("/v2/receipts/:requestId", function getReceipt(req, res) {
    res.json(describe(lookup(ctx, req.params.requestId)));
  });
  r.get("/v2/receipts/:requestId/data", function getReceiptData(req, res) {
    const rec = lookup(ctx, req.params.requestId);
    const data = ctx.store.data(rec.seq);
    if (!data) {
      throw new HttpError(410, `the inputs and outputs of receipt ${req.params.requestId} are not retained (retention window ${ctx.retainDataSeconds} s, or retention is off)`);
    }
    res.json({
      requestId: rec.requestId,
      seq: rec.seq.toString(),
      model_name: rec.modelName,
      modelHash: rec.modelHash,
      inputs: unpackTensors(data.inputs).map((t) => encodeJsonTensor(t)),
      outputs: unpackTensors(data.outputs).map((t) => encodeJsonTensor(t)),
    });
  });
  return r;
}
