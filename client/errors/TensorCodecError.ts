// A tensor, its JSON form or its raw bytes are malformed (datatype, shape, element count, element values).
import { BaseError, type BaseErrorOptions } from "./BaseError.js";

/**
 * A tensor, its JSON form or its raw bytes are malformed (datatype, shape, element count, element values).
 *
 * @example
 * if (err instanceof TensorCodecError) console.error(err.shortMessage, err.details);
 */
export class TensorCodecError extends BaseError {
  override name = "TensorCodecError";

  constructor(shortMessage: string, options: BaseErrorOptions = {}) {
    super(shortMessage, options);
  }
}
