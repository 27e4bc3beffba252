// Starts unbonding tokens from an operator's pool.
import type { ClientContext } from "../ClientContext.js";
import { sendTransaction } from "../internal/sendTransaction.js";
import { signerAddress } from "../internal/signerAddress.js";

/**
 * Starts unbonding `amount` tokens (converted to pool shares, capped at your position) from
 * `operator`'s pool; `withdraw` them once the unbonding delay has passed. Unbonding stake can
 * still be slashed.
 *
 * @example
 * const { releaseBlock } = await client.undelegate(operator, parseUnits("10", 18));
 */
export async function undelegate(ctx: ClientContext, operator: string, amount: bigint): Promise<{ txHash: string; shares: bigint; id: bigint; releaseBlock: number }> {
  const account = await signerAddress(ctx, "undelegate");
  const [pool, pos] = await Promise.all([ctx.contracts.subnet.pool(operator), ctx.contracts.subnet.position(operator, account)]);
  const poolStake = BigInt(pool.stake);
  const poolShares = BigInt(pool.shares);
  const have = BigInt(pos.shares);
  let shares = poolStake === 0n ? have : (amount * poolShares + poolStake - 1n) / poolStake;
  if (shares > have) shares = have;
  const tx = await sendTransaction(ctx, "undelegate", ctx.contracts.subnet, "undelegate", [operator, shares], "Check that you have a position in this pool (veritensor stake positions).");
  const ev = tx.logs.map((l) => ctx.contracts.subnet.interface.parseLog({ topics: [...l.topics], data: l.data })).find((e) => e?.name === "StakeUndelegated");
  return { txHash: tx.hash, shares, id: BigInt(ev?.args.id ?? 0n), releaseBlock: Number(ev?.args.releaseBlock ?? 0n) };
}
