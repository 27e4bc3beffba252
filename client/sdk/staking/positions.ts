// A delegator's positions with pending rewards and unbonding entries.
import type { ClientContext } from "../ClientContext.js";
import type { StakePosition } from "./StakePosition.js";

const KIND = ["none", "node", "validator"] as const;

/**
 * The positions of `account` (the pools `Subnet.positionsOf` lists), with pending rewards and
 * unbonding entries; pools where nothing is left are left out.
 *
 * @example
 * for (const p of await client.positions(me)) console.log(p.operator, formatUnits(p.pendingRewards, 18));
 */
export async function positions(ctx: ClientContext, account: string): Promise<StakePosition[]> {
  const subnet = ctx.contracts.subnet;
  const ops = [...new Set<`0x${string}`>(await subnet.positionsOf(account))];
  const rows = await Promise.all(
    ops.map(async (operator) => {
      const [p, pool] = await Promise.all([subnet.position(operator, account), subnet.pool(operator)]);
      const entries = [...p.unbonding].map((u: any) => ({ id: BigInt(u.id), amount: BigInt(u.amount), releaseBlock: Number(u.releaseBlock) }));
      return {
        operator,
        kind: KIND[Number(pool.kind)] ?? "none",
        shares: BigInt(p.shares),
        stake: BigInt(p.stake),
        pendingRewards: BigInt(p.pendingRewards),
        unbonding: entries.reduce((s, e) => s + e.amount, 0n),
        entries,
      } satisfies StakePosition;
    }),
  );
  return rows.filter((r) => r.shares > 0n || r.pendingRewards > 0n || r.entries.length > 0);
}
