// Reads every registered inference node from the Subnet.
import type { ClientContext } from "./ClientContext.js";
import { toJsonSafe } from "./internal/toJsonSafe.js";
import type { NodeInfo } from "./NodeInfo.js";

/**
 * Every node registered in the Subnet with its endpoint, signing key, price, region, energy,
 * carbon intensity, pool stake and whether it is active.
 *
 * @example
 * const active = (await client.listNodes()).filter((n) => n.active);
 */
export async function listNodes(ctx: ClientContext): Promise<NodeInfo[]> {
  const subnet = ctx.contracts.subnet;
  const operators: string[] = [...(await subnet.nodeOperators())];
  return Promise.all(
    operators.map(async (operator) => {
      const n = await subnet.getNode(operator);
      return {
        operator: operator as `0x${string}`,
        signingKey: n.signingKey,
        endpoint: n.endpoint,
        price: BigInt(n.pricePerInference),
        region: n.region,
        energySource: n.energySource,
        carbonIntensity: Number(n.carbonIntensity),
        stake: BigInt(await subnet.poolStake(operator)),
        active: Boolean(await subnet.isAuthorizedSigner(n.signingKey)),
        raw: toJsonSafe(n) as Record<string, unknown>,
      };
    }),
  );
}
