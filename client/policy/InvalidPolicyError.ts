// Raised when a verification policy's numbers cannot describe a comparison.
import { BaseError } from "../errors/BaseError.js";

/**
 * A verification policy is malformed (cosine outside [-1, 1], negative or non-finite error bound, bad topK,
 * unknown kind).
 *
 * @example
 * throw new InvalidPolicyError("minCosine must be within [-1, 1], got 2");
 */
export class InvalidPolicyError extends BaseError {
  override name = "InvalidPolicyError";
  constructor(details: string) {
    super("Invalid verification policy.", { details });
  }
}
