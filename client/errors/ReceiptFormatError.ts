// A receipt, its domain or its JSON wire form has a malformed field (hex length, address, uint64 range).
import { BaseError, type BaseErrorOptions } from "./BaseError.js";

/**
 * A receipt, its domain or its JSON wire form has a malformed field (hex length, address, uint64 range).
 *
 * @example
 * if (err instanceof ReceiptFormatError) console.error(err.shortMessage, err.details);
 */
export class ReceiptFormatError extends BaseError {
  override name = "ReceiptFormatError";

  constructor(shortMessage: string, options: BaseErrorOptions = {}) {
    super(shortMessage, options);
  }
}
