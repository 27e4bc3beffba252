// Checks one answer of a node end to end: signature, digests, then re-execution under the model's policy.
import type { Address, ReceiptDomain, SignedReceipt, Tensor } from "../../client/index.js";
import { ioDigest, verifyReceiptSignature } from "../../client/index.js";
import { compareOutputs, type CompareOutputsReturnType, type VerificationPolicy } from "../../client/policy/index.js";
import type { ReferenceRunner } from "./ReferenceRunner.js";

/** Why an answer was not accepted. */
export type AuditFailure = "signature" | "inputDigest" | "outputDigest" | "unknownModel" | "rerunFailed" | "policy";

/** The outcome of {@link auditAnswer}. */
export interface AuditAnswerReturnType {
  ok: boolean;
  failure?: AuditFailure;
  detail: string;
  verdict?: CompareOutputsReturnType;
  rerunMs?: number;
}

/**
 * Audits a node's answer: the receipt must be signed by `expectedSigner` under `domain`; its input and
 * output digests must be those of `inputs` and `outputs`; the validator's own run of the registered model
 * (`receipt.modelHash`) on `inputs` must match `outputs` under `policy`. Only a `policy` failure is a
 * wrong-output fault for a committee; the others are receipt faults (or, for `unknownModel` and
 * `rerunFailed`, the validator's own limits) and are never challenged as wrong outputs.
 *
 * @example
 * const audit = await auditAnswer({ runner, policy, domain, expectedSigner, receipt, inputs, outputs });
 * if (audit.failure === "policy") openWrongOutputChallenge(...);
 */
export async function auditAnswer(args: {
  runner: ReferenceRunner;
  policy: VerificationPolicy;
  domain: ReceiptDomain;
  expectedSigner: Address;
  receipt: SignedReceipt;
  inputs: readonly Tensor[];
  outputs: readonly Tensor[];
}): Promise<AuditAnswerReturnType> {
  const { runner, policy, domain, expectedSigner, receipt, inputs, outputs } = args;
  if (!verifyReceiptSignature(receipt, domain, expectedSigner))
    return { ok: false, failure: "signature", detail: `receipt seq ${receipt.seq} is not signed by ${expectedSigner}` };
  if (ioDigest([...inputs]) !== receipt.inputDigest) return { ok: false, failure: "inputDigest", detail: "inputs do not hash to receipt.inputDigest" };
  if (ioDigest([...outputs]) !== receipt.outputDigest) return { ok: false, failure: "outputDigest", detail: "outputs do not hash to receipt.outputDigest" };
  if (!runner.model(receipt.modelHash)) return { ok: false, failure: "unknownModel", detail: `model ${receipt.modelHash} not loaded` };
  const t0 = performance.now();
  let rerun: Tensor[];
  try {
    rerun = await runner.run(receipt.modelHash, inputs);
  } catch (e) {
    return { ok: false, failure: "rerunFailed", detail: (e as Error).message };
  }
  const rerunMs = performance.now() - t0;
  const verdict = compareOutputs(rerun, outputs, policy);
  return verdict.match
    ? { ok: true, detail: "match", verdict, rerunMs }
    : { ok: false, failure: "policy", detail: verdict.summary, verdict, rerunMs };
}
