// Reads every registered inference node from the Subnet.
import { ZeroAddress } from "ethers";
import type { ClientContext } from "./ClientContext.js";
import { q32 } from "./internal/q32.js";
import { toJsonSafe } from "./internal/toJsonSafe.js";
import type { NodeInfo } from "./NodeInfo.js";

/**
 * Every node registered in the Subnet (slot order) with its endpoint, signing key, price, region,
 * energy source, carbon intensity, pool stake, eligibility and last epoch results.
 *
 * @example
 * const active = (await client.listNodes()).filter((n) => n.active);
 */
export async function listNodes(ctx: ClientContext): Promise<NodeInfo[]> {
  const subnet = ctx.contracts.subnet;
  const [, slots] = await subnet.nodeCount();
  const views = await Promise.all(Array.from({ length: Number(slots) }, (_, i) => subnet.node(i)));
  return views
    .map((n, slot) => ({ n, slot }))
    .filter(({ n }) => n.operator !== ZeroAddress && n.pool.registered)
    .map(({ n, slot }) => ({
      operator: n.operator,
      signingKey: n.params.signer,
      endpoint: n.params.endpoint,
      price: BigInt(n.params.pricePerInference),
      region: n.params.region,
      energySource: n.params.energySource,
      carbonIntensity: Number(n.params.carbonIntensity),
      stake: BigInt(n.pool.stake),
      active: Boolean(n.eligible),
      slot,
      consensus: q32(n.consensus),
      incentive: q32(n.incentive),
      lastEmission: BigInt(n.lastEmission),
      raw: toJsonSafe(n) as Record<string, unknown>,
    }));
}
