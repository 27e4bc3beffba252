// Assembles the express application of the inference node from its routes and the one error handler.
import express, { type Express } from "express";
import type { NodeContext } from "./NodeContext.js";
import { healthRoutes } from "./routes/healthRoutes.js";
import { modelRoutes } from "./routes/modelRoutes.js";
import { inferRoute } from "./routes/inferRoute.js";
import { receiptRoutes } from "./routes/receiptRoutes.js";
import { metricsRoutes } from "./routes/metricsRoutes.js";
import { errorHandler } from "../http/errorHandler.js";
import { HttpError } from "../http/HttpError.js";

/**
 * The node's HTTP API: OIP v2 health/metadata/infer, receipts, metrics and stats.
 *
 * @example
 * const app = createApp(ctx); app.listen(8000, "127.0.0.1");
 */
export function createApp(ctx: NodeContext): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use(healthRoutes(ctx), modelRoutes(ctx), inferRoute(ctx), receiptRoutes(ctx), metricsRoutes(ctx));
  app.use(function notFound(req, _res, next) {
    next(new HttpError(404, `no route ${req.method} ${req.path}; see GET /v2 and /v2/models/{name}`));
  });
  app.use(errorHandler(ctx.logger));
  return app;
}
