// A receipt was not committed on-chain within the wait time.
import { SdkError } from "./SdkError.js";

/** A receipt was not committed on-chain within the wait time. */
export class InclusionTimeoutError extends SdkError {
  override name = "InclusionTimeoutError";
  constructor(requestId: string, timeoutMs: number, lastStatus?: string) {
    super(`Receipt ${requestId} was not committed on-chain within ${timeoutMs} ms${lastStatus ? ` (last status: ${lastStatus})` : ""}.`, {
      hint: "Wait longer (timeoutMs); once its commit deadline has passed, open an inclusion challenge (client.challengeInclusion).",
    });
  }
}
