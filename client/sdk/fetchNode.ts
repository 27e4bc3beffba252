// HTTP to a node with a timeout; maps failures to NodeRequestError.
import { NodeRequestError } from "./errors/NodeRequestError.js";

/**
 * Fetches `endpoint + path`; throws {@link NodeRequestError} on a network failure, a timeout or a
 * non-2xx status (with the node's `{"error"}` message).
 *
 * @example
 * const res = await fetchNode("http://127.0.0.1:8001", "/v2/stats", {}, 5000);
 */
export async function fetchNode(endpoint: string, path: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const url = endpoint.replace(/\/+$/, "") + path;
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (cause) {
    const why = (cause as Error)?.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : "unreachable";
    throw new NodeRequestError(endpoint, `${path} ${why}`, { cause });
  }
  if (!res.ok) {
    let message = res.statusText;
    try {
      const body = (await res.json()) as { error?: string };
      if (body?.error) message = body.error;
    } catch {
      /* body was not JSON: keep the status text */
    }
    throw new NodeRequestError(endpoint, `${path}: ${message}`, { status: res.status });
  }
  return res;
}
