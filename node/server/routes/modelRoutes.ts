// OIP v2 model metadata and readiness: GET /v2/models/{name}[/versions/{v}][/ready].
import { Router } from "express";
import type { NodeContext } from "../NodeContext.js";
import { findModel } from "../findModel.js";

/**
 * Model metadata (inputs/outputs with -1 for variable dims, platform onnx_onnxv1, modelHash, ioSpecHash, policy,
 * execution provider, batching) and model readiness.
 *
 * @example
 * app.use(modelRoutes(ctx));
 */
export function modelRoutes(ctx: NodeContext): Router {
  const r = Router();
  r.get("/v2/models/:name{/versions/:version}/ready", function modelReady(req, res) {
    const m = findModel(ctx, req.params.name, req.params.version);
    res.json({ name: m.config.name, ready: true });
  });
  r.get("/v2/models/:name{/versions/:version}", function modelMetadata(req, res) {
    const m = findModel(ctx, req.params.name, req.params.version);
    const io = (specs: typeof m.inputs) => specs.map((s) => ({ name: s.name, datatype: s.datatype, shape: s.shape }));
    res.json({
      name: m.config.name,
      versions: [m.config.version],
      platform: "onnx_onnxv1",
      inputs: io(m.inputs),
      outputs: io(m.outputs),
      modelHash: m.modelHash,
      ioSpecHash: m.ioSpecHash,
      verification_policy: { ...m.policy, source: m.policySource },
      execution_provider: m.runner.executionProvider,
      max_batch_size: m.runner.batching ? m.config.maxBatchSize : 0,
      dynamic_batching: m.runner.batching
        ? { max_queue_delay_microseconds: m.config.maxQueueDelayUs, max_queue_size: m.config.maxQueueSize, timeout_ms: m.config.timeoutMs }
        : null,
      instances: m.config.instances,
      description: m.config.description,
    });
  });
  return r;
}
