// Reads every model of the ModelRegistry.
import type { Hex } from "../index.js";
import type { ClientContext } from "./ClientContext.js";
import { toModelInfo } from "./internal/toModelInfo.js";
import type { ModelInfo } from "./ModelInfo.js";

/**
 * Every registered model, in registration order (deprecated ones included, flagged).
 *
 * @example
 * for (const m of await client.listModels()) console.log(m.name, m.modelHash);
 */
export async function listModels(ctx: ClientContext): Promise<ModelInfo[]> {
  const count = Number(await ctx.contracts.registry.modelCount());
  const hashes: Hex[] = count ? await ctx.contracts.registry.listModels(0, count) : [];
  return Promise.all(hashes.map(async (h) => toModelInfo(await ctx.contracts.registry.getModel(h))));
}
