// Sends a contract transaction, waits for it, and turns reverts into ContractCallError.
import type { Contract, ContractTransactionReceipt } from "ethers";
import type { ClientContext } from "../ClientContext.js";
import { ContractCallError } from "../errors/ContractCallError.js";
import { SignerRequiredError } from "../errors/SignerRequiredError.js";

/** Extracts the decoded custom error (name, args) of an ethers call exception, if any. */
export function decodeRevert(contract: Contract, err: unknown): { name?: string; args: string } {
  const e = err as { revert?: { name: string; args: unknown[] }; data?: string; info?: { error?: { data?: string } } };
  if (e?.revert) return { name: e.revert.name, args: e.revert.args.map(String).join(", ") };
  const data = e?.data ?? e?.info?.error?.data;
  if (typeof data === "string" && data.length >= 10) {
    try {
      const parsed = contract.interface.parseError(data);
      if (parsed) return { name: parsed.name, args: parsed.args.map(String).join(", ") };
    } catch {
      /* not one of this contract's errors */
    }
  }
  return { args: "" };
}

/**
 * Calls `contract[method](...args)` as a transaction with the client's signer, waits for one
 * confirmation and returns the receipt. A revert becomes a {@link ContractCallError} naming the
 * contract's custom error; a missing signer a {@link SignerRequiredError}.
 *
 * @example
 * await sendTransaction(ctx, "delegate", ctx.contracts.subnet, "delegate", [operator, amount]);
 */
export async function sendTransaction(
  ctx: ClientContext,
  action: string,
  contract: Contract,
  method: string,
  args: unknown[],
  hint?: string,
): Promise<ContractTransactionReceipt> {
  if (!ctx.signer) throw new SignerRequiredError(action);
  const bound = contract.connect(ctx.signer) as Contract;
  try {
    const tx = await bound.getFunction(method)(...args);
    const receipt = (await tx.wait()) as ContractTransactionReceipt | null;
    if (!receipt) throw new ContractCallError(action, undefined, "", { hint: "The transaction was dropped; retry." });
    return receipt;
  } catch (err) {
    if (err instanceof ContractCallError) throw err;
    const { name, args: a } = decodeRevert(contract, err);
    const reason = name ? undefined : String((err as { shortMessage?: string; message?: string })?.shortMessage ?? (err as Error)?.message ?? err);
    throw new ContractCallError(action, name, a, { cause: err, hint: hint ?? (reason ? `${reason}. Check the arguments, your balance and allowance, and retry.` : undefined) });
  }
}
