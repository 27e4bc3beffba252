// Approves a spender for at least `amount` tokens when the current allowance is short.
import type { ClientContext } from "../ClientContext.js";
import { SignerRequiredError } from "../errors/SignerRequiredError.js";
import { sendTransaction } from "./sendTransaction.js";

/**
 * Makes sure the client's account allows `spender` to take `amount` tokens (approves if needed).
 *
 * @example
 * await ensureAllowance(ctx, ctx.addresses.contracts.Challenges, bond);
 */
export async function ensureAllowance(ctx: ClientContext, spender: string, amount: bigint): Promise<void> {
  if (amount === 0n) return;
  if (!ctx.signer) throw new SignerRequiredError("approve");
  const owner = await ctx.signer.getAddress();
  const current = BigInt(await ctx.contracts.token.allowance(owner, spender));
  if (current >= amount) return;
  await sendTransaction(ctx, "approve", ctx.contracts.token, "approve", [spender, amount], "Check your token balance.");
}
