// Orders candidate nodes by price, latency or carbon intensity.
import type { NodeInfo } from "./NodeInfo.js";

/** How to order nodes: cheapest, fastest (published p50 wait), or lowest grid carbon intensity. */
export type NodePreference = "price" | "latency" | "low-carbon";

const latency = (n: NodeInfo) => n.stats?.p50Ms ?? Number.POSITIVE_INFINITY;
const cmpBig = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts nodes (a copy) for `prefer`; ties break on the other criteria, then on stake (higher first).
 *
 * @example
 * const [best] = rankNodes(nodes, "low-carbon");
 */
export function rankNodes(nodes: NodeInfo[], prefer: NodePreference): NodeInfo[] {
  const byPrice = (a: NodeInfo, b: NodeInfo) => cmpBig(a.price, b.price);
  const byLatency = (a: NodeInfo, b: NodeInfo) => latency(a) - latency(b);
  const byCarbon = (a: NodeInfo, b: NodeInfo) => a.carbonIntensity - b.carbonIntensity;
  const byStake = (a: NodeInfo, b: NodeInfo) => cmpBig(b.stake, a.stake);
  const order =
    prefer === "price" ? [byPrice, byLatency, byCarbon] : prefer === "latency" ? [byLatency, byPrice, byCarbon] : [byCarbon, byPrice, byLatency];
  if (!["price", "latency", "low-carbon"].includes(prefer)) throw new RangeError(`prefer must be "price", "latency" or "low-carbon", got ${prefer}`);
  return [...nodes].sort((a, b) => {
    for (const cmp of [...order, byStake]) {
      const c = cmp(a, b);
      if (c !== 0 && !Number.isNaN(c)) return c;
    }
    return 0;
  });
}
