// POST /v2/models/{name}[/versions/{v}]/infer: decode, check, run (batched), sign + store the receipt, answer.
import express, { Router, type Request } from "express";
import { datatypeOfOrtType, receiptToJson, type Tensor } from "../../../client/index.js";
import type { NodeContext } from "../NodeContext.js";
import { findModel } from "../findModel.js";
import { checkInputs } from "../checkInputs.js";
import { parseInferRequest } from "../../http/parseInferRequest.js";
import { writeInferResponse } from "../../http/writeInferResponse.js";
import { HttpError } from "../../http/HttpError.js";
import { QueueFullError } from "../../runtime/QueueFullError.js";
import { RequestTimeoutError } from "../../runtime/RequestTimeoutError.js";
import type { RawTensor } from "../../runtime/RawTensor.js";

function toTensor(r: RawTensor): Tensor {
  return { name: r.name, datatype: datatypeOfOrtType(r.type), shape: r.dims, data: r.data } as Tensor;
}

/** Failure label for nv_inference_request_failure. */
function reasonOf(err: unknown): string {
  if (err instanceof QueueFullError) return "rejected";
  if (err instanceof RequestTimeoutError) return "timeout";
  if (err instanceof HttpError && err.status < 500) return "client";
  if ((err as { inputFault?: boolean }).inputFault) return "client";
  return "server";
}

/**
 * The inference endpoint. The receipt is durable in the store before the response is written, so a
 * receipt a client holds is never lost.
 *
 * @example
 * app.use(inferRoute(ctx));
 */
export function inferRoute(ctx: NodeContext): Router {
  const r = Router();
  const body = express.raw({ type: () => true, limit: ctx.maxBodyBytes });
  r.post("/v2/models/:name{/versions/:version}/infer", body, async function infer(req: Request<{ name: string; version?: string }>, res) {
    const t0 = process.hrtime.bigint();
    const model = findModel(ctx, req.params.name, req.params.version);
    const labels = { model: model.config.name, version: model.config.version };
    const stats = ctx.stats.get(model.config.name)!;
    try {
      const raw: Uint8Array = Buffer.isBuffer(req.body) ? req.body : new Uint8Array(0);
      const parsed = parseInferRequest(raw, req.get("inference-header-content-length"));
      const feeds = checkInputs(model, parsed.inputs);
      for (const o of parsed.outputs ?? []) {
        if (!model.outputs.some((s) => s.name === o.name)) {
          throw new HttpError(400, `unknown output '${o.name}' for model '${model.config.name}'; it has: ${model.outputs.map((s) => s.name).join(", ")}`);
        }
      }
      const outcome = await model.runner.infer(feeds);
      stats.accepted++;
      stats.waitMs.add(outcome.queueUs / 1000);
      ctx.waitMs.add(outcome.queueUs / 1000);
      let outputs = outcome.outputs.map(toTensor);
      if (parsed.outputs) {
        const wanted = new Set(parsed.outputs.map((o) => o.name));
        outputs = outputs.filter((t) => wanted.has(t.name));
      }
      if (ctx.hooks?.outputTransform) {
        outputs = await ctx.hooks.outputTransform(outputs, { model: model.config.name, modelHash: model.modelHash, clientId: parsed.id, inputs: parsed.inputs });
      }
      const tr = process.hrtime.bigint();
      const receipt = await ctx.issuer.issue({ model: model.config.name, modelHash: model.modelHash, clientId: parsed.id, inputs: parsed.inputs, outputs });
      const receiptUs = Number(process.hrtime.bigint() - tr) / 1000;
      const binary = new Set<string>();
      for (const t of outputs) {
        const asked = parsed.outputs?.find((o) => o.name === t.name);
        if (parsed.binaryOutput || asked?.binary) binary.add(t.name);
      }
      writeInferResponse(res, {
        model_name: model.config.name,
        model_version: model.config.version,
        id: parsed.id,
        parameters: { receipt: receiptToJson(receipt) },
        outputs,
        binary,
      });
      ctx.metrics.observeSuccess(labels.model, labels.version, outcome, Number(process.hrtime.bigint() - t0) / 1000, receiptUs);
      // the request's own rows: never the padding of its execution, and independent of which outputs it asked for
      ctx.metrics.inferenceCount.inc(labels, model.runner.batching ? feeds[0].dims[0] : 1);
    } catch (err) {
      const reason = reasonOf(err);
      if (reason === "rejected") stats.rejected++;
      else stats.failed++;
      ctx.metrics.requestFailure.inc({ ...labels, reason });
      throw err;
    }
  });
  return r;
}
