// A receipt signature is malformed (length, v not 27/28, high s, r or s out of range) or recovers to no key.
import { BaseError, type BaseErrorOptions } from "./BaseError.js";

/**
 * A receipt signature is malformed (length, v not 27/28, high s, r or s out of range) or recovers to no key.
 *
 * @example
 * if (err instanceof ReceiptSignatureError) console.error(err.shortMessage, err.details);
 */
export class ReceiptSignatureError extends BaseError {
  override name = "ReceiptSignatureError";

  constructor(shortMessage: string, options: BaseErrorOptions = {}) {
    super(shortMessage, options);
  }
}
