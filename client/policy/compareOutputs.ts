// Decides whether a committed set of output tensors matches a trusted re-run under the model's verification policy.
import type { Tensor } from "../index.js";
import type { PolicyFailure } from "./PolicyFailure.js";
import type { VerificationPolicy } from "./VerificationPolicy.js";
import { compareTensor, type TensorComparison } from "./compareTensor.js";
import { assertValidPolicy } from "./assertValidPolicy.js";

/** The verdict of {@link compareOutputs}. */
export interface CompareOutputsReturnType {
  /** True when every output passes every check of the policy. */
  match: boolean;
  policy: VerificationPolicy;
  /** Every failed check, over all outputs (empty when `match`). */
  failures: PolicyFailure[];
  /** Per reference output, by name, its measurements. */
  outputs: TensorComparison[];
  /** One line for logs: "match" or the first failure's message (+ how many more). */
  summary: string;
}

/**
 * Compares the `candidate` outputs (what a node committed to) with the `reference` outputs (a trusted re-run
 * of the same input) under `policy`. Outputs are matched by name; a reference output missing from the
 * candidate, or a candidate output the reference does not have, fails. Each output is checked by
 * {@link compareTensor}. Throws {@link InvalidPolicyError} for a malformed policy.
 *
 * @example
 * const verdict = compareOutputs(myRerun, committedOutputs, DEFAULT_TOLERANCE_POLICY);
 * if (!verdict.match) fileChallenge(verdict.summary);
 */
export function compareOutputs(
  reference: readonly Tensor[],
  candidate: readonly Tensor[],
  policy: VerificationPolicy,
): CompareOutputsReturnType {
  assertValidPolicy(policy);
  const failures: PolicyFailure[] = [];
  const outputs: TensorComparison[] = [];
  const byName = new Map(candidate.map((t) => [t.name, t]));
  const refNames = new Set(reference.map((t) => t.name));
  for (const ref of reference) {
    const cand = byName.get(ref.name);
    if (!cand) {
      failures.push({ output: ref.name, metric: "missingOutput", value: "absent", limit: "present", message: `output "${ref.name}" is missing` });
      continue;
    }
    const cmp = compareTensor(ref, cand, policy);
    outputs.push(cmp);
    failures.push(...cmp.failures);
  }
  for (const cand of candidate) {
    if (!refNames.has(cand.name))
      failures.push({ output: cand.name, metric: "unexpectedOutput", value: "present", limit: "absent", message: `output "${cand.name}" is not an output of the model` });
  }
  const match = failures.length === 0;
  const summary = match ? "match" : failures[0].message + (failures.length > 1 ? ` (+${failures.length - 1} more)` : "");
  return { match, policy, failures, outputs, summary };
}
