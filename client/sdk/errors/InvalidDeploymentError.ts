// The addresses JSON given to createClient is missing, unreadable or incomplete.
import { SdkError } from "./SdkError.js";

/** The addresses JSON given to createClient is missing, unreadable or incomplete. */
export class InvalidDeploymentError extends SdkError {
  override name = "InvalidDeploymentError";
  constructor(problem: string, options: { cause?: unknown } = {}) {
    super(`Invalid deployment addresses: ${problem}.`, {
      hint: "Pass the JSON written by the deploy script (npm start writes .veritensor/devnet/addresses.json).",
      cause: options.cause,
    });
  }
}
