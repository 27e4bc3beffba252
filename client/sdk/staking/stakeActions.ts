// Staker actions on the Subnet: delegate, undelegate, withdraw, claim, positions with pending rewards.
import type { ClientContext } from "../ClientContext.js";
import { SignerRequiredError } from "../errors/SignerRequiredError.js";
import { ensureAllowance } from "../internal/ensureAllowance.js";
import { sendTransaction } from "../internal/sendTransaction.js";
import type { StakePosition } from "./StakePosition.js";

const KIND = ["none", "node", "validator"] as const;

/** The signer's address, or a SignerRequiredError naming the action. */
async function me(ctx: ClientContext, action: string): Promise<string> {
  if (!ctx.signer) throw new SignerRequiredError(action);
  return ctx.signer.getAddress();
}

/**
 * Delegates `amount` tokens to `operator`'s pool (approving the Subnet first). Operators add
 * self-stake the same way.
 *
 * @example
 * await client.delegate(operator, parseUnits("100", 18));
 */
export async function delegate(ctx: ClientContext, operator: string, amount: bigint): Promise<{ txHash: string }> {
  await ensureAllowance(ctx, ctx.addresses.contracts.Subnet, amount);
  const tx = await sendTransaction(ctx, "delegate", ctx.contracts.subnet, "delegate", [operator, amount], "Check the operator is registered and your token balance.");
  return { txHash: tx.hash };
}

/**
 * Starts unbonding `amount` tokens (converted to pool shares, capped at your position) from
 * `operator`'s pool; `withdraw` them once the unbonding delay has passed. Unbonding stake can
 * still be slashed.
 *
 * @example
 * const { releaseBlock } = await client.undelegate(operator, parseUnits("10", 18));
 */
export async function undelegate(ctx: ClientContext, operator: string, amount: bigint): Promise<{ txHash: string; shares: bigint; id: bigint; releaseBlock: number }> {
  const account = await me(ctx, "undelegate");
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

/**
 * Withdraws every unbonding entry of the caller whose release block has passed (or one entry).
 *
 * @example
 * const { withdrawn } = await client.withdraw();
 */
export async function withdraw(ctx: ClientContext, one?: { operator: string; id: bigint }): Promise<{ withdrawn: bigint; txHashes: string[] }> {
  const account = await me(ctx, "withdraw");
  const block = await ctx.provider.getBlockNumber();
  const due = one
    ? [one]
    : (await positions(ctx, account)).flatMap((p) => p.entries.filter((e) => e.releaseBlock <= block).map((e) => ({ operator: p.operator, id: e.id })));
  const before = BigInt(await ctx.contracts.token.balanceOf(account));
  const txHashes: string[] = [];
  for (const d of due) txHashes.push((await sendTransaction(ctx, "withdraw", ctx.contracts.subnet, "withdraw", [d.operator, d.id], "The entry may still be unbonding: see `veritensor stake positions`.")).hash);
  return { withdrawn: BigInt(await ctx.contracts.token.balanceOf(account)) - before, txHashes };
}

/**
 * Claims pending rewards from `operator`'s pool, or from every pool where the caller has some.
 *
 * @example
 * const { claimed } = await client.claim();
 */
export async function claim(ctx: ClientContext, operator?: string): Promise<{ claimed: bigint; txHashes: string[] }> {
  const account = await me(ctx, "claim");
  const ops = operator ? [operator] : (await positions(ctx, account)).filter((p) => p.pendingRewards > 0n).map((p) => p.operator);
  const before = BigInt(await ctx.contracts.token.balanceOf(account));
  const txHashes: string[] = [];
  for (const op of ops) txHashes.push((await sendTransaction(ctx, "claim", ctx.contracts.subnet, "claim", [op])).hash);
  return { claimed: BigInt(await ctx.contracts.token.balanceOf(account)) - before, txHashes };
}

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
