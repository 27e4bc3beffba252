// Reads one model of the ModelRegistry by hash.
import type { Hex } from "../index.js";
import type { ClientContext } from "./ClientContext.js";
import { toModelInfo } from "./internal/toModelInfo.js";
import type { ModelInfo } from "./ModelInfo.js";

/**
 * The model registered under `modelHash` (reverts with ModelRegistryUnknownModel if none).
 *
 * @example
 * const m = await client.getModel("0x483e…");
 */
export async function getModel(ctx: ClientContext, modelHash: Hex): Promise<ModelInfo> {
  return toModelInfo(await ctx.contracts.registry.getModel(modelHash));
}
