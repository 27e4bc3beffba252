// Checks that a verification policy's numbers are usable before comparing with it.
import type { VerificationPolicy } from "./VerificationPolicy.js";
import { InvalidPolicyError } from "./InvalidPolicyError.js";

/**
 * Throws {@link InvalidPolicyError} unless `policy` is a `bitwise` policy or a `tolerance` policy with
 * `minCosine` in [-1, 1], a finite `maxRelAbsError >= 0` and an integer `topK` in [0, 65535].
 *
 * @example
 * assertValidPolicy({ kind: "tolerance", minCosine: 0.9999, maxRelAbsError: 0.01, topK: 1 });
 */
export function assertValidPolicy(policy: VerificationPolicy): void {
  if (policy === null || typeof policy !== "object") throw new InvalidPolicyError(`expected an object, got ${String(policy)}`);
  if (policy.kind === "bitwise") return;
  if (policy.kind !== "tolerance") throw new InvalidPolicyError(`unknown kind ${JSON.stringify((policy as { kind: unknown }).kind)}`);
  const { minCosine, maxRelAbsError, topK } = policy;
  if (typeof minCosine !== "number" || !(minCosine >= -1 && minCosine <= 1))
    throw new InvalidPolicyError(`minCosine must be within [-1, 1], got ${minCosine}`);
  if (typeof maxRelAbsError !== "number" || !Number.isFinite(maxRelAbsError) || maxRelAbsError < 0)
    throw new InvalidPolicyError(`maxRelAbsError must be a finite number >= 0, got ${maxRelAbsError}`);
  if (!Number.isInteger(topK) || topK < 0 || topK > 65535)
    throw new InvalidPolicyError(`topK must be an integer in [0, 65535], got ${topK}`);
}
