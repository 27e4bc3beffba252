// A write action was called on a read-only client.
import { SdkError } from "./SdkError.js";

/** A write action was called on a read-only client. */
export class SignerRequiredError extends SdkError {
  override name = "SignerRequiredError";
  constructor(action: string) {
    super(`${action} sends a transaction, but this client has no signer.`, {
      hint: "Pass `privateKey` (or `signer`) to createClient.",
    });
  }
}
