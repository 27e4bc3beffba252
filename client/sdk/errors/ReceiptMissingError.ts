// A node answered an inference without a receipt.
import { SdkError } from "./SdkError.js";

/** A node answered an inference without a receipt. */
export class ReceiptMissingError extends SdkError {
  override name = "ReceiptMissingError";
  constructor(endpoint: string) {
    super(`Node ${endpoint} returned outputs without a signed receipt in parameters.receipt.`, {
      hint: "Do not trust these outputs; use a Veritensor node (client.discoverNodes) instead.",
    });
  }
}
