// Registers the caller as a validator in the Subnet with self-stake.
import type { ClientContext } from "../ClientContext.js";
import { ensureAllowance } from "../internal/ensureAllowance.js";
import { findEvent } from "../internal/findEvent.js";
import { sendTransaction } from "../internal/sendTransaction.js";

/**
 * Registers the client's account as a validator, pulling `selfStake` (approved first).
 *
 * @example
 * await validator.registerValidator(parseUnits("1000", 18));
 */
export async function registerValidator(ctx: ClientContext, selfStake: bigint): Promise<{ slot: number; txHash: string }> {
  await ensureAllowance(ctx, ctx.addresses.contracts.Subnet, selfStake);
  const tx = await sendTransaction(ctx, "registerValidator", ctx.contracts.subnet, "registerValidator", [selfStake], "Check your token balance covers the minimum validator stake.");
  const ev = findEvent(tx, ctx.contracts.subnet, "ValidatorRegistered");
  return { slot: Number(ev?.args.slot ?? -1), txHash: tx.hash };
}
