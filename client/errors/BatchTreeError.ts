// A Merkle batch input is malformed: no leaves, a leaf or proof element that is not 32 bytes of hex, a bad index.
import { BaseError, type BaseErrorOptions } from "./BaseError.js";

/**
 * A Merkle batch input is malformed: no leaves, a leaf or proof element that is not 32 bytes of hex, a bad index.
 *
 * @example
 * if (err instanceof BatchTreeError) console.error(err.shortMessage, err.details);
 */
export class BatchTreeError extends BaseError {
  override name = "BatchTreeError";

  constructor(shortMessage: string, options: BaseErrorOptions = {}) {
    super(shortMessage, options);
  }
}
