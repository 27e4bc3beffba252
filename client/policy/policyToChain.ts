// Turns a VerificationPolicy into the on-chain IModelRegistry.VerificationPolicy struct (WAD fields).
import type { VerificationPolicy } from "./VerificationPolicy.js";
import { assertValidPolicy } from "./assertValidPolicy.js";
import { InvalidPolicyError } from "./InvalidPolicyError.js";
import { wadFromNumber } from "./wadFromNumber.js";

/** The struct to pass to `ModelRegistry.registerModel` / `updatePolicy`. */
export interface PolicyToChainReturnType {
  kind: 0 | 1;
  minCosine: bigint;
  maxRelAbsError: bigint;
  topK: number;
}

/**
 * The on-chain form of `policy`: `kind` 0 (Tolerance) or 1 (Bitwise), WAD fields (1e18 = 1.0), zeros for a
 * bitwise policy. The contract's fields are unsigned, so a negative `minCosine` is refused with
 * {@link InvalidPolicyError}.
 *
 * @example
 * await registry.registerModel(hash, "cls", uri, ioSpecHash, policyToChain(DEFAULT_CLASSIFIER_POLICY));
 */
export function policyToChain(policy: VerificationPolicy): PolicyToChainReturnType {
  assertValidPolicy(policy);
  if (policy.kind === "bitwise") return { kind: 1, minCosine: 0n, maxRelAbsError: 0n, topK: 0 };
  if (policy.minCosine < 0) throw new InvalidPolicyError(`minCosine ${policy.minCosine} cannot be stored on-chain (uint64)`);
  const maxRel = wadFromNumber(policy.maxRelAbsError);
  if (maxRel >= 2n ** 64n) throw new InvalidPolicyError(`maxRelAbsError ${policy.maxRelAbsError} overflows uint64 WAD`);
  return { kind: 0, minCosine: wadFromNumber(policy.minCosine), maxRelAbsError: maxRel, topK: policy.topK };
}
