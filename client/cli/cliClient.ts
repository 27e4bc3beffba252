// Builds an SDK client from the CLI's global options (flags or environment).
import { existsSync } from "node:fs";
import { createClient } from "../sdk/createClient.js";
import { InvalidDeploymentError } from "../sdk/errors/InvalidDeploymentError.js";
import type { VeritensorClient } from "../sdk/VeritensorClient.js";

/** Global options every chain command accepts. */
export interface GlobalOptions {
  rpc: string;
  addresses: string;
  key?: string;
  json?: boolean;
}

/** Default path of the devnet's addresses JSON. */
export const DEFAULT_ADDRESSES = ".veritensor/devnet/addresses.json";

/**
 * A client for the CLI's options; write commands need `--key` (or VERITENSOR_PRIVATE_KEY).
 *
 * @example
 * const client = cliClient(cmd.optsWithGlobals());
 */
export function cliClient(o: GlobalOptions): VeritensorClient {
  if (!existsSync(o.addresses)) {
    throw new InvalidDeploymentError(`${o.addresses} does not exist (start a devnet with \`npm start\`, or pass --addresses)`);
  }
  return createClient({ rpcUrl: o.rpc, addresses: o.addresses, privateKey: o.key });
}
