// A receipt signature is well-formed but was made by another key than the expected signer.
import { BaseError, type BaseErrorOptions } from "./BaseError.js";

/**
 * A receipt's signature recovers to `recovered`, not to the expected signer (the receipt's node, or
 * the key the caller named): the receipt is forged, altered, or signed under another domain.
 *
 * @example
 * if (err instanceof ReceiptSignatureMismatchError) console.error(`signed by ${err.recovered}, not ${err.expected}`);
 */
export class ReceiptSignatureMismatchError extends BaseError {
  override name = "ReceiptSignatureMismatchError";
  /** The address the signature recovers to. */
  readonly recovered: string;
  /** The address that should have signed. */
  readonly expected: string;

  constructor(recovered: string, expected: string, options: BaseErrorOptions = {}) {
    super(`receipt signed by ${recovered}, expected ${expected}`, {
      details: options.details ?? "the receipt was altered, signed by another key, or signed for another chain or AuditLog (domain)",
      cause: options.cause,
    });
    this.recovered = recovered;
    this.expected = expected;
  }
}
