// Reads every model of the ModelRegistry.
import type { Hex } from "../index.js";
import type { ClientContext } from "./ClientContext.js";
import type { ModelInfo } from "./ModelInfo.js";

/** Turns the registry's Model struct into a {@link ModelInfo}. */
function toModelInfo(m: any): ModelInfo {
  return {
    modelHash: m.modelHash,
    name: m.name,
    uri: m.uri,
    owner: m.owner,
    ioSpecHash: m.ioSpecHash,
    policy: {
      kind: Number(m.policy.kind) === 1 ? "Bitwise" : "Tolerance",
      minCosine: BigInt(m.policy.minCosine),
      maxRelAbsError: BigInt(m.policy.maxRelAbsError),
      topK: Number(m.policy.topK),
    },
    registeredAt: Number(m.registeredAt),
    deprecated: Boolean(m.deprecated),
  };
}

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

/** Reads one model by hash. */
export async function getModel(ctx: ClientContext, modelHash: Hex): Promise<ModelInfo> {
  return toModelInfo(await ctx.contracts.registry.getModel(modelHash));
}
