// Finds a registered, active model by name or hash.
import type { ClientContext } from "./ClientContext.js";
import { UnknownModelError } from "./errors/UnknownModelError.js";
import { getModel } from "./getModel.js";
import { listModels } from "./listModels.js";
import type { ModelInfo } from "./ModelInfo.js";

/**
 * Resolves a model name (as nodes serve it) or a `0x` model hash to its active registry entry.
 * Throws {@link UnknownModelError} when it is not registered or deprecated.
 *
 * @example
 * const { modelHash } = await client.resolveModel("paddle-cls");
 */
export async function resolveModel(ctx: ClientContext, model: string): Promise<ModelInfo> {
  if (/^0x[0-9a-fA-F]{64}$/.test(model)) {
    if (!(await ctx.contracts.registry.isActive(model))) throw new UnknownModelError(model);
    return getModel(ctx, model as `0x${string}`);
  }
  const known = ctx.addresses.models.find((m) => m.name === model);
  if (known && (await ctx.contracts.registry.isActive(known.modelHash))) return getModel(ctx, known.modelHash);
  const hit = (await listModels(ctx)).find((m) => m.name === model && !m.deprecated);
  if (!hit) throw new UnknownModelError(model);
  return hit;
}
