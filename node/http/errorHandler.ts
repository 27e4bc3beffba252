// The express error handler: maps known errors to a status and {"error": "..."}; logs unknown ones as 500.
import type { ErrorRequestHandler } from "express";
import type { Logger } from "../log/Logger.js";
import { HttpError } from "./HttpError.js";
import { QueueFullError } from "../runtime/QueueFullError.js";
import { RequestTimeoutError } from "../runtime/RequestTimeoutError.js";
import { ModelExecutionError } from "../runtime/ModelExecutionError.js";

/** Turns any thrown value into the HttpError it should be answered with, or undefined for a server fault. */
function toHttpError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  if (err instanceof QueueFullError) return new HttpError(429, err.message, { "Retry-After": String(err.retryAfterSeconds) });
  if (err instanceof RequestTimeoutError) return new HttpError(503, err.message, { "Retry-After": "1" });
  if (err instanceof ModelExecutionError && err.inputFault) return new HttpError(400, `the model could not run on this input: ${err.message}`);
  // body-parser errors carry a status and a type
  const e = err as { status?: number; type?: string; message?: string; limit?: number };
  if (e && typeof e.status === "number" && e.status >= 400 && e.status < 500) {
    if (e.type === "entity.too.large") return new HttpError(413, `request body is larger than the limit of ${e.limit} bytes`);
    if (e.type === "entity.parse.failed") return new HttpError(400, `request body is not valid JSON: ${e.message}`);
    return new HttpError(e.status, e.message ?? "bad request");
  }
  return undefined;
}

/**
 * Creates the error handler; the logger records every 5xx with its cause.
 *
 * @example
 * app.use(errorHandler(logger));
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return function handleError(err, req, res, _next) {
    const known = toHttpError(err);
    if (known) {
      if (known.status >= 500) logger.warn("request failed", { status: known.status, path: req.path, error: known.message });
      res.status(known.status).set(known.headers).json({ error: known.message });
      return;
    }
    logger.error("internal error", { path: req.path, error: (err as Error)?.message, stack: (err as Error)?.stack });
    if (res.headersSent) return;
    res.status(500).json({ error: "internal server error" });
  };
}
