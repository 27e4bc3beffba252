// Delegates tokens to an operator's pool.
import type { ClientContext } from "../ClientContext.js";
import { sendTransaction } from "../internal/sendTransaction.js";
import { ensureAllowance } from "../internal/ensureAllowance.js";

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
