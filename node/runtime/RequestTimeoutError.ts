// Raised when a request waited or ran longer than its model's per-request timeout (HTTP 503).

/** The request did not finish within `timeoutMs`; no receipt was issued for it. */
export class RequestTimeoutError extends Error {
  override name = "RequestTimeoutError";
  constructor(readonly model: string, readonly timeoutMs: number) {
    super(`model '${model}' did not answer within ${timeoutMs} ms; no receipt was issued, retry later`);
  }
}
