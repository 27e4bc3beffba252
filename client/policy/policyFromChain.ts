// Turns the on-chain IModelRegistry.VerificationPolicy struct (WAD fields) into a VerificationPolicy.
import type { VerificationPolicy } from "./VerificationPolicy.js";
import { assertValidPolicy } from "./assertValidPolicy.js";
import { InvalidPolicyError } from "./InvalidPolicyError.js";

/** The struct as ethers returns it from `ModelRegistry.getModel(...).policy` (a Result, or a plain object). */
export interface ChainVerificationPolicy {
  kind: bigint | number;
  minCosine: bigint | number;
  maxRelAbsError: bigint | number;
  topK: bigint | number;
}

/**
 * The TypeScript policy of an on-chain `IModelRegistry.VerificationPolicy` (`kind` 0 = Tolerance,
 * 1 = Bitwise; WAD fields divided by 1e18). Throws {@link InvalidPolicyError} for an unknown kind or
 * out-of-range values.
 *
 * @example
 * const model = await registry.getModel(modelHash);
 * const policy = policyFromChain(model.policy);
 */
export function policyFromChain(struct: ChainVerificationPolicy): VerificationPolicy {
  const kind = Number(struct.kind);
  if (kind === 1) return { kind: "bitwise" };
  if (kind !== 0) throw new InvalidPolicyError(`unknown PolicyKind ${kind}`);
  const policy: VerificationPolicy = {
    kind: "tolerance",
    minCosine: Number(BigInt(struct.minCosine)) / 1e18,
    maxRelAbsError: Number(BigInt(struct.maxRelAbsError)) / 1e18,
    topK: Number(struct.topK),
  };
  assertValidPolicy(policy);
  return policy;
}
