// A node `hooksModule` (--hooks node/cheats/hooksModule.ts) that turns on the cheat in env VERITENSOR_CHEATS (JSON).
import type { Receipt, SignedReceipt } from "../../client/index.js";
import type { CheatConfig } from "./CheatConfig.js";
import type { NodeCheats } from "./NodeCheats.js";
import { CheatsRefusedError } from "./CheatsRefusedError.js";
import { createNodeCheats } from "./createNodeCheats.js";

/**
 * The node's hooks factory: reads a {@link CheatConfig} from env `VERITENSOR_CHEATS`
 * (e.g. `{"enabled":true,"mode":"noise","rate":0.1}`) and builds its hooks, refusing unless enabled and the
 * node's chain id is 31337.
 *
 * @example
 * VERITENSOR_CHEATS='{"enabled":true,"mode":"omission","rate":0.1}' npx tsx node/main.ts --hooks node/cheats/hooksModule.ts ...
 */
export default async function cheatHooks(ctx: { sign: (r: Omit<Receipt, "node">) => SignedReceipt; chainId?: bigint }): Promise<NodeCheats> {
  const raw = process.env.VERITENSOR_CHEATS;
  if (!raw) throw new CheatsRefusedError("env VERITENSOR_CHEATS is not set");
  let config: CheatConfig;
  try {
    config = JSON.parse(raw);
  } catch (e) {
    throw new CheatsRefusedError(`env VERITENSOR_CHEATS is not JSON (${(e as Error).message})`);
  }
  if (ctx.chainId === undefined) throw new CheatsRefusedError("the node did not say its chain id");
  return createNodeCheats(config, { chainId: ctx.chainId });
}
