// The receipt was not signed by the node's registered signing key.
import { SdkError } from "./SdkError.js";

/** The receipt was not signed by the node's registered signing key. */
export class ReceiptSignatureMismatchError extends SdkError {
  override name = "ReceiptSignatureMismatchError";
  readonly expected: string;
  readonly recovered: string;
  constructor(expected: string, recovered: string) {
    super(`Receipt signed by ${recovered}, but the node's registered signing key is ${expected}.`, {
      hint: "The node is misbehaving or something altered the answer: discard it and report the node.",
    });
    this.expected = expected;
    this.recovered = recovered;
  }
}
