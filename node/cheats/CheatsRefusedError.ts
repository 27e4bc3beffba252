// Raised when cheating modes are asked for outside a dev chain or without the explicit switch.
import { BaseError } from "../../client/errors/BaseError.js";

/**
 * Cheating modes were configured but are not allowed here: they need `enabled: true` and chain id 31337.
 *
 * @example
 * throw new CheatsRefusedError("chain id 1 is not the dev chain 31337");
 */
export class CheatsRefusedError extends BaseError {
  override name = "CheatsRefusedError";
  constructor(details: string) {
    super("Cheating modes refused.", { details: `${details}. Cheats exist for tests only: set cheats.enabled = true on a dev chain (31337).` });
  }
}
