// GET /metrics (Prometheus text) and GET /v2/stats (JSON: waits, counts, queues, price, receipts).
// /v2/stats top level: waitMs {p50,p90,p99} over all models, queueLength, requests, accepted, rejected
// (429), failed, acceptanceRate = accepted / (accepted + rejected), pricePerRequest; then per model.
import { Router } from "express";
import type { NodeContext } from "../NodeContext.js";

/**
 * Prometheus metrics and a JSON summary for routers and dashboards.
 *
 * @example
 * app.use(metricsRoutes(ctx));
 */
export function metricsRoutes(ctx: NodeContext): Router {
  const r = Router();
  r.get("/metrics", async function metrics(_req, res) {
    res.set("Content-Type", ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics());
  });
  r.get("/v2/stats", function stats(_req, res) {
    const models = [...ctx.models.values()].map((m) => {
      const s = ctx.stats.get(m.config.name)!;
      return {
        name: m.config.name,
        version: m.config.version,
        modelHash: m.modelHash,
        executionProvider: m.runner.executionProvider,
        queueLength: m.runner.queueLength,
        maxQueueSize: m.config.maxQueueSize,
        accepted: s.accepted,
        rejected: s.rejected,
        failed: s.failed,
        waitMs: { p50: s.waitMs.percentile(0.5), p90: s.waitMs.percentile(0.9), p99: s.waitMs.percentile(0.99), samples: s.waitMs.count },
      };
    });
    const sum = (k: "accepted" | "rejected" | "failed") => models.reduce((a, m) => a + m[k], 0);
    const accepted = sum("accepted");
    const rejected = sum("rejected");
    const lastSeq = ctx.store.durableLastSeq();
    const committed = ctx.store.committedThrough();
    res.json({
      node: ctx.issuer.address,
      pricePerRequest: ctx.pricePerRequest,
      waitMs: { p50: ctx.waitMs.percentile(0.5), p90: ctx.waitMs.percentile(0.9), p99: ctx.waitMs.percentile(0.99), samples: ctx.waitMs.count },
      queueLength: models.reduce((a, m) => a + m.queueLength, 0),
      requests: accepted + rejected + sum("failed"),
      accepted,
      rejected,
      failed: sum("failed"),
      acceptanceRate: accepted + rejected === 0 ? 1 : accepted / (accepted + rejected),
      models,
      receipts: { lastSeq: lastSeq.toString(), committedThrough: committed.toString(), pending: (lastSeq - committed).toString() },
      commit: ctx.commitStatus(),
    });
  });
  return r;
}
