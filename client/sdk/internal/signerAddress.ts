// The address of the client's signer, or a SignerRequiredError naming the action.
import type { ClientContext } from "../ClientContext.js";
import { SignerRequiredError } from "../errors/SignerRequiredError.js";

/**
 * The signer's address; throws {@link SignerRequiredError} naming `action` on a read-only client.
 *
 * @example
 * const me = await signerAddress(ctx, "claim");
 */
export async function signerAddress(ctx: ClientContext, action: string): Promise<string> {
  if (!ctx.signer) throw new SignerRequiredError(action);
  return ctx.signer.getAddress();
}
