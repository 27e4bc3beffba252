// Finds active nodes that serve a model, probes them, and ranks them by preference.
import type { ClientContext } from "./ClientContext.js";
import { NoNodesAvailableError } from "./errors/NoNodesAvailableError.js";
import { fetchNode } from "./fetchNode.js";
import { listNodes } from "./listNodes.js";
import type { NodeInfo } from "./NodeInfo.js";
import { rankNodes, type NodePreference } from "./rankNodes.js";
import { readNodeStats } from "./readNodeStats.js";

export type { NodePreference } from "./rankNodes.js";

/** Parameters of {@link discoverNodes}. */
export interface DiscoverNodesParameters {
  /** Model name as nodes serve it. */
  model: string;
  /** Ordering (default "latency"). */
  prefer?: NodePreference;
  /** Keep at most this many. */
  limit?: number;
  /** Per-probe timeout in ms (default 2000). */
  probeTimeoutMs?: number;
}

/**
 * The active nodes (from the Subnet) whose endpoint reports `model` ready, each with its published
 * `/v2/stats`, ordered by `prefer`: "price" (cheapest first), "latency" (lowest p50 wait first) or
 * "low-carbon" (lowest grid carbon intensity first). Throws {@link NoNodesAvailableError} if none.
 *
 * @example
 * const [greenest] = await client.discoverNodes({ model: "paddle-cls", prefer: "low-carbon" });
 */
export async function discoverNodes(ctx: ClientContext, p: DiscoverNodesParameters): Promise<NodeInfo[]> {
  const timeout = p.probeTimeoutMs ?? 2000;
  const nodes = (await listNodes(ctx)).filter((n) => n.active && n.endpoint);
  if (nodes.length === 0) throw new NoNodesAvailableError(p.model, "no active node is registered");
  const probed = await Promise.all(
    nodes.map(async (n): Promise<NodeInfo | undefined> => {
      try {
        await fetchNode(n.endpoint, `/v2/models/${encodeURIComponent(p.model)}/ready`, {}, timeout);
      } catch {
        return undefined;
      }
      const stats = await readNodeStats(n.endpoint, timeout).catch(() => undefined);
      return { ...n, stats };
    }),
  );
  const ready = probed.filter((n): n is NodeInfo => n !== undefined);
  if (ready.length === 0) throw new NoNodesAvailableError(p.model, `none of ${nodes.length} active nodes has it ready`);
  const ranked = rankNodes(ready, p.prefer ?? "latency");
  return p.limit ? ranked.slice(0, p.limit) : ranked;
}
