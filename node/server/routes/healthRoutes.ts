// OIP v2 health and server metadata: /v2/health/live, /v2/health/ready, GET /v2.
import { Router } from "express";
import type { NodeContext } from "../NodeContext.js";

/**
 * Liveness, readiness and server metadata (extensions include `binary_tensor_data`).
 *
 * @example
 * app.use(healthRoutes(ctx));
 */
export function healthRoutes(ctx: NodeContext): Router {
  const r = Router();
  r.get("/v2/health/live", function live(_req, res) {
    res.json({ live: true });
  });
  r.get("/v2/health/ready", function ready(_req, res) {
    const ok = !ctx.store.failed && [...ctx.models.values()].every((m) => m.runner.inputs.length > 0);
    res.status(ok ? 200 : 503).json({ ready: ok, ...(ctx.store.failed ? { error: `receipt store failed: ${ctx.store.failed.message}` } : {}) });
  });
  r.get(["/v2", "/v2/"], function serverMetadata(_req, res) {
    res.json({
      name: "veritensor-node",
      version: ctx.version,
      extensions: ["binary_tensor_data", "model_repository", "statistics", "veritensor_receipts"],
      node: ctx.issuer.address,
      chainId: ctx.domain.chainId.toString(),
      auditLog: ctx.domain.verifyingContract,
      models: [...ctx.models.keys()],
    });
  });
  return r;
}
