// Node hooks module for the devnet's cheating node: node/cheats with the chain id the node is configured with.
import type { Receipt, SignedReceipt } from "../../client/index.js";
import { createNodeCheats } from "../../node/cheats/createNodeCheats.js";

/**
 * Default export loaded by the node (`hooksModule`). Reads the cheat from env VERITENSOR_CHEATS and the
 * chain id from the hook context or env VERITENSOR_CHAIN_ID; node/cheats refuses unless the chain is
 * the dev chain 31337 and the cheat is explicitly enabled.
 *
 * @example
 * VERITENSOR_CHEATS='{"enabled":true,"mode":"noise","rate":1}' VERITENSOR_CHAIN_ID=31337 npx tsx node/main.ts --hooks scripts/devnet/cheatHooks.ts ...
 */
export default async function cheatHooks(ctx: { sign: (r: Omit<Receipt, "node">) => SignedReceipt; chainId?: bigint }) {
  const chainId = ctx.chainId ?? BigInt(process.env.VERITENSOR_CHAIN_ID ?? "0");
  return createNodeCheats(JSON.parse(process.env.VERITENSOR_CHEATS ?? "{}"), { chainId });
}
