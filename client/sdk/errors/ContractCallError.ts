// A contract call reverted; the message names the decoded custom error.
import { SdkError } from "./SdkError.js";

/** A contract call reverted; the message names the decoded custom error. */
export class ContractCallError extends SdkError {
  override name = "ContractCallError";
  readonly errorName?: string;
  readonly errorArgs: string;
  constructor(action: string, errorName: string | undefined, errorArgs: string, options: { cause?: unknown; hint?: string } = {}) {
    super(`${action} reverted${errorName ? ` with ${errorName}(${errorArgs})` : ""}.`, {
      hint: options.hint ?? "Check the arguments and your account (stake, balance, role, epoch phase) and retry.",
      cause: options.cause,
    });
    this.errorName = errorName;
    this.errorArgs = errorArgs;
  }
}
