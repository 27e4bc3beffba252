// Reads the node's signing key from the config, its key file or the environment; never logs it.
import { readFileSync } from "node:fs";
import type { Hex } from "../../client/index.js";
import type { NodeConfig } from "./NodeConfig.js";

/**
 * Returns the 32-byte hex private key from `signingKey` or the file `signingKeyFile`.
 * Throws a message that never contains the key.
 *
 * @example
 * const key = readSigningKey(config);
 */
export function readSigningKey(config: NodeConfig): Hex {
  let raw = config.signingKey;
  if (!raw && config.signingKeyFile) {
    try {
      raw = readFileSync(config.signingKeyFile, "utf8");
    } catch (err) {
      throw new Error(`cannot read signing key file ${config.signingKeyFile}: ${(err as NodeJS.ErrnoException).code ?? "error"}`);
    }
  }
  if (!raw) throw new Error("no signing key: set signingKeyFile in the config, --signing-key-file, or VERITENSOR_SIGNING_KEY");
  let key = raw.trim();
  if (!key.startsWith("0x")) key = `0x${key}`;
  if (!/^0x[0-9a-fA-F]{64}$/.test(key)) throw new Error("signing key must be 32 bytes of hex (64 hex digits, optional 0x)");
  return key as Hex;
}
