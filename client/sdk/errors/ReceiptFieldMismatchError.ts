// A receipt field (model hash, input or output digest, request id) differs from what the client computed.
import { SdkError } from "./SdkError.js";

/** A receipt field (model hash, input or output digest, request id) differs from what the client computed. */
export class ReceiptFieldMismatchError extends SdkError {
  override name = "ReceiptFieldMismatchError";
  readonly field: string;
  constructor(field: "modelHash" | "inputDigest" | "outputDigest" | "requestId" | "node", expected: string, actual: string) {
    super(`Receipt ${field} is ${actual}, but the client expected ${expected}.`, {
      hint:
        field === "outputDigest"
          ? "The outputs were altered after signing: discard them."
          : "The node did not answer your request on the registered model: discard the answer and consider a challenge.",
    });
    this.field = field;
  }
}
