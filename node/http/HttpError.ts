// The one error type route handlers throw to answer with a status and {"error": message}.

/**
 * An error with the HTTP status it should be answered with; the message is sent to the client as is.
 *
 * @example
 * throw new HttpError(404, `unknown model 'foo'; this node serves: mlp, paddle-cls`);
 */
export class HttpError extends Error {
  override name = "HttpError";
  /**
   * @param status HTTP status code
   * @param message client-facing message: what went wrong and what to do
   * @param headers extra response headers (e.g. Retry-After)
   */
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}
