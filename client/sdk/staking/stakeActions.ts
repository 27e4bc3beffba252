// Staker actions on the Subnet: delegate, undelegate, withdraw, claim, positions.
import type { ClientContext } from "../ClientContext.js";
import { ensureAllowance } from "../internal/ensureAllowance.js";
import { sendTransaction } from "../internal/sendTransaction.js";
import type { StakePosition } from "./StakePosition.js";

/**
 * Delegates `amount` tokens to `operator`'s pool (approving the Subnet first).
 *
 * @example
 * await client.delegate(operator, parseUnits("100", 18));
 */
export async function delegate(ctx: ClientContext, operator: string, amount: bigint): Promise<{ txHash: string }> {
  await ensureAllowance(ctx, ctx.addresses.contracts.Subnet, amount);
  const tx = await sendTransaction(ctx, "delegate", ctx.contracts.subnet, "delegate", [operator, amount]);
  return { txHash: tx.hash };
}

/**
 * Starts unbonding `amount` tokens from `operator`'s pool; withdraw them after the delay.
 *
 * @example
 * await client.undelegate(operator, parseUnits("10", 18));
 */
export async function undelegate(ctx: ClientContext, operator: string, amount: bigint): Promise<{ txHash: string }> {
  const tx = await sendTransaction(ctx, "undelegate", ctx.contracts.subnet, "undelegate", [operator, amount]);
  return { txHash: tx.hash };
}

/**
 * Withdraws every unbonding entry whose delay has passed.
 *
 * @example
 * await client.withdraw();
 */
export async function withdraw(ctx: ClientContext): Promise<{ txHash: string }> {
  const tx = await sendTransaction(ctx, "withdraw", ctx.contracts.subnet, "withdraw", []);
  return { txHash: tx.hash };
}

/**
 * Claims pending rewards from `operator`'s pool (or from every pool of the caller).
 *
 * @example
 * const { claimed } = await client.claim(operator);
 */
export async function claim(ctx: ClientContext, operator?: string): Promise<{ claimed: bigint; txHashes: string[] }> {
  const me = await ctx.signer!.getAddress();
  const ops = operator ? [operator] : (await positions(ctx, me)).filter((p) => p.pendingRewards > 0n).map((p) => p.operator);
  const before = BigInt(await ctx.contracts.token.balanceOf(me));
  const txHashes: string[] = [];
  for (const op of ops) txHashes.push((await sendTransaction(ctx, "claim", ctx.contracts.subnet, "claim", [op])).hash);
  return { claimed: BigInt(await ctx.contracts.token.balanceOf(me)) - before, txHashes };
}

/**
 * The positions of `account` in every operator pool, with pending rewards.
 *
 * @example
 * for (const p of await client.positions(me)) console.log(p.operator, p.pendingRewards);
 */
export async function positions(ctx: ClientContext, account: string): Promise<StakePosition[]> {
  const subnet = ctx.contracts.subnet;
  const ops: string[] = [...(await subnet.positionsOf(account))];
  return Promise.all(
    ops.map(async (operator) => {
      const p = await subnet.getPosition(operator, account);
      return {
        operator: operator as `0x${string}`,
        shares: BigInt(p.shares),
        stake: BigInt(p.stake),
        pendingRewards: BigInt(await subnet.pendingRewards(operator, account)),
        unbonding: BigInt(p.unbonding ?? 0n),
      };
    }),
  );
}
