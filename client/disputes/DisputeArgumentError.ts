// An argument of a disputes helper (vote, salt, challenge id, voter, receipt field) is malformed.
import { BaseError, type BaseErrorOptions } from "../errors/BaseError.js";

/**
 * An argument given to a `client/disputes` helper is malformed (unknown vote, salt not 32 bytes, bad address...).
 *
 * @example
 * try { voteCommitment(args) } catch (e) { if (e instanceof DisputeArgumentError) console.error(e.shortMessage) }
 */
export class DisputeArgumentError extends BaseError {
  override name = "DisputeArgumentError";

  constructor(shortMessage: string, options: BaseErrorOptions = {}) {
    super(shortMessage, options);
  }
}
