// Withdraws unbonded stake.
import type { ClientContext } from "../ClientContext.js";
import { sendTransaction } from "../internal/sendTransaction.js";
import { signerAddress } from "../internal/signerAddress.js";
import { positions } from "./positions.js";

/**
 * Withdraws every unbonding entry of the caller whose release block has passed (or one entry).
 *
 * @example
 * const { withdrawn } = await client.withdraw();
 */
export async function withdraw(ctx: ClientContext, one?: { operator: string; id: bigint }): Promise<{ withdrawn: bigint; txHashes: string[] }> {
  const account = await signerAddress(ctx, "withdraw");
  const block = await ctx.provider.getBlockNumber();
  const due = one
    ? [one]
    : (await positions(ctx, account)).flatMap((p) => p.entries.filter((e) => e.releaseBlock <= block).map((e) => ({ operator: p.operator, id: e.id })));
  const before = BigInt(await ctx.contracts.token.balanceOf(account));
  const txHashes: string[] = [];
  for (const d of due) txHashes.push((await sendTransaction(ctx, "withdraw", ctx.contracts.subnet, "withdraw", [d.operator, d.id], "The entry may still be unbonding: see `veritensor stake positions`.")).hash);
  return { withdrawn: BigInt(await ctx.contracts.token.balanceOf(account)) - before, txHashes };
}
