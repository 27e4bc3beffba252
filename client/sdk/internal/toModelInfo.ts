// Turns the ModelRegistry's Model struct into a ModelInfo.
import type { ModelInfo } from "../ModelInfo.js";

/**
 * The registry's `Model` struct (an ethers Result) as a {@link ModelInfo}.
 *
 * @example
 * toModelInfo(await registry.getModel(hash));
 */
export function toModelInfo(m: any): ModelInfo {
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
