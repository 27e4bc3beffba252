// Fetches and normalises a node's published GET /v2/stats.
import { fetchNode } from "./fetchNode.js";
import type { NodeStats } from "./NodeInfo.js";

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && v !== "" && Number.isFinite(Number(v)) ? Number(v) : undefined);

/** Picks the first numeric value at any of `paths` (dot-separated) in `obj`. */
function pick(obj: Record<string, unknown>, paths: string[]): number | undefined {
  for (const path of paths) {
    let cur: unknown = obj;
    for (const key of path.split(".")) cur = cur && typeof cur === "object" ? (cur as Record<string, unknown>)[key] : undefined;
    const v = num(cur);
    if (v !== undefined) return v;
  }
  return undefined;
}

/**
 * Reads `GET {endpoint}/v2/stats` and extracts the wait-time percentiles, acceptance rate and queue
 * length (the raw object is kept in `raw`).
 *
 * @example
 * const { p50Ms, p99Ms } = await readNodeStats("http://127.0.0.1:8001");
 */
export async function readNodeStats(endpoint: string, timeoutMs = 3000): Promise<NodeStats> {
  const raw = (await (await fetchNode(endpoint, "/v2/stats", {}, timeoutMs)).json()) as Record<string, unknown>;
  return {
    p50Ms: pick(raw, ["waitMs.p50", "wait.p50Ms", "latencyMs.p50", "p50Ms", "wait_p50_ms", "waitP50Ms"]),
    p99Ms: pick(raw, ["waitMs.p99", "wait.p99Ms", "latencyMs.p99", "p99Ms", "wait_p99_ms", "waitP99Ms"]),
    acceptanceRate: pick(raw, ["acceptanceRate", "acceptance_rate", "accepted.rate"]),
    queueLength: pick(raw, ["queueLength", "queue_length", "queue.length"]),
    requests: pick(raw, ["requests", "requestCount", "total"]),
    raw,
  };
}
