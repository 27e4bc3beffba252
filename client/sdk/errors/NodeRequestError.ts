// An inference node answered with an error or could not be reached.
import { SdkError } from "./SdkError.js";

/** An inference node answered with an error or could not be reached. */
export class NodeRequestError extends SdkError {
  override name = "NodeRequestError";
  readonly status?: number;
  readonly endpoint: string;
  constructor(endpoint: string, problem: string, options: { status?: number; cause?: unknown } = {}) {
    super(`Node ${endpoint} failed: ${problem}.`, {
      hint:
        options.status !== undefined && options.status >= 400 && options.status < 500 && options.status !== 429
          ? "Fix the request (model name, input names, datatypes and shapes must match GET /v2/models/{name})."
          : "Retry later or pick another node (client.discoverNodes lists the alternatives).",
      details: options.status !== undefined ? `HTTP ${options.status}` : undefined,
      cause: options.cause,
    });
    this.status = options.status;
    this.endpoint = endpoint;
  }
}
