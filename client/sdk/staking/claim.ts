// Claims pending staking rewards.
import type { ClientContext } from "../ClientContext.js";
import { sendTransaction } from "../internal/sendTransaction.js";
import { signerAddress } from "../internal/signerAddress.js";
import { positions } from "./positions.js";

/**
 * Claims pending rewards from `operator`'s pool, or from every pool where the caller has some.
 *
 * @example
 * const { claimed } = await client.claim();
 */
export async function claim(ctx: ClientContext, operator?: string): Promise<{ claimed: bigint; txHashes: string[] }> {
  const account = await signerAddress(ctx, "claim");
  const ops = operator ? [operator] : (await positions(ctx, account)).filter((p) => p.pendingRewards > 0n).map((p) => p.operator);
  const before = BigInt(await ctx.contracts.token.balanceOf(account));
  const txHashes: string[] = [];
  for (const op of ops) txHashes.push((await sendTransaction(ctx, "claim", ctx.contracts.subnet, "claim", [op])).hash);
  return { claimed: BigInt(await ctx.contracts.token.balanceOf(account)) - before, txHashes };
}
