// The base of every error the SDK throws: a BaseError whose message says what to do next.
import { BaseError } from "../../errors/BaseError.js";

/** Options shared by every SDK error. */
export interface SdkErrorOptions {
  /** What the user should do about it (appended to the message). */
  hint?: string;
  /** Extra technical detail (status codes, addresses, values). */
  details?: string;
  /** The lower-level error this one wraps. */
  cause?: unknown;
}

/**
 * Base class of the SDK's errors. `shortMessage` says what went wrong, the hint what to do.
 *
 * @example
 * try { await client.infer({ model: "cls", inputs }) }
 * catch (e) { if (e instanceof SdkError) console.error(e.shortMessage) }
 */
export class SdkError extends BaseError {
  override name = "SdkError";
  /** What the user should do about it. */
  readonly hint?: string;

  constructor(shortMessage: string, options: SdkErrorOptions = {}) {
    const message = options.hint ? `${shortMessage} ${options.hint}` : shortMessage;
    super(message, { details: options.details, cause: options.cause });
    this.hint = options.hint;
  }
}
