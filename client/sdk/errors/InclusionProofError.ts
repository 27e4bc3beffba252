// The Merkle proof of a receipt does not match the root committed on-chain.
import { SdkError } from "./SdkError.js";

/** The Merkle proof of a receipt does not match the root committed on-chain. */
export class InclusionProofError extends SdkError {
  override name = "InclusionProofError";
  constructor(requestId: string, problem: string) {
    super(`Inclusion proof of receipt ${requestId} is invalid: ${problem}.`, {
      hint: "Keep the signed receipt: it is the evidence for an inclusion challenge (client.challengeInclusion).",
    });
  }
}
