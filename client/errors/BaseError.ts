// The one error base class of the Veritensor SDK: a short message, optional details and cause.

/** Options of {@link BaseError}. */
export interface BaseErrorOptions {
  /** Longer explanation: what exactly was wrong and how to fix it. */
  details?: string;
  /** The lower-level error that caused this one, if any. */
  cause?: unknown;
}

/**
 * Base class of every error the SDK throws. `shortMessage` is one line saying what went wrong;
 * `details` (when present) says what exactly and what to do; `message` joins both.
 *
 * @example
 * try { decodeJsonTensor(json) } catch (e) { if (e instanceof BaseError) console.error(e.shortMessage) }
 */
export class BaseError extends Error {
  override name = "BaseError";
  /** One line: what went wrong. */
  readonly shortMessage: string;
  /** What exactly was wrong and how to fix it, when known. */
  readonly details?: string;

  constructor(shortMessage: string, options: BaseErrorOptions = {}) {
    super(
      options.details ? `${shortMessage}\nDetails: ${options.details}` : shortMessage,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.shortMessage = shortMessage;
    if (options.details !== undefined) this.details = options.details;
  }
}
