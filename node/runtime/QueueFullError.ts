// Raised when a model's request queue is at its bound: the client should retry later (HTTP 429).

/** The model's queue holds `maxQueueSize` requests already. */
export class QueueFullError extends Error {
  override name = "QueueFullError";
  /**
   * @param model model name
   * @param maxQueueSize the bound that was hit
   * @param retryAfterSeconds a hint for the Retry-After header
   */
  constructor(readonly model: string, readonly maxQueueSize: number, readonly retryAfterSeconds: number) {
    super(`model '${model}' has ${maxQueueSize} requests queued already; retry after ${retryAfterSeconds} s`);
  }
}
