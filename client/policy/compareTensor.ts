// Compares one candidate output tensor with the trusted reference tensor under a verification policy.
import type { Tensor } from "../index.js";
import type { PolicyFailure } from "./PolicyFailure.js";
import type { VerificationPolicy } from "./VerificationPolicy.js";
import { tensorValues } from "./tensorValues.js";
import { toleranceMetrics } from "./toleranceMetrics.js";
import { topKDisagreements } from "./topKDisagreements.js";
import { ABSOLUTE_NOISE_FLOOR } from "./ABSOLUTE_NOISE_FLOOR.js";
import { TOP_K_TIE_RELATIVE } from "./TOP_K_TIE_RELATIVE.js";

/** The measurements taken on one output tensor and the checks it failed (none: it matches). */
export interface TensorComparison {
  name: string;
  datatype: string;
  elements: number;
  bitwiseEqual: boolean;
  /** Tolerance metrics; absent for bitwise policies, BYTES tensors and shape/datatype mismatches. */
  cosine?: number;
  maxAbsError?: number;
  refMaxAbs?: number;
  relAbsError?: number;
  /** Rows whose top-k disagree beyond near-ties (only when the policy has topK > 0). */
  topKDisagreeingRows?: number;
  failures: PolicyFailure[];
}

/**
 * Compares `candidate` (the committed, claimed output) with `reference` (the trusted re-run) under `policy`.
 * Datatype and shape must be equal under every policy. `bitwise` then needs identical bytes; `tolerance`
 * needs matching non-finite positions, and then — unless every difference is within {@link ABSOLUTE_NOISE_FLOOR}
 * (numerically zero outputs, where relative metrics mean nothing) — `cosine >= minCosine`,
 * `relAbsError <= maxRelAbsError` and, when `topK > 0`, top-k agreement along the last axis, where near-ties
 * within `2 * max(min(maxRelAbsError, TOP_K_TIE_RELATIVE) * refMaxAbs, ABSOLUTE_NOISE_FLOOR)` are excused
 * (see {@link TOP_K_TIE_RELATIVE}). BYTES tensors are always compared byte for byte.
 *
 * @example
 * const cmp = compareTensor(reference, candidate, { kind: "tolerance", minCosine: 0.9999, maxRelAbsError: 0.01, topK: 0 });
 * if (cmp.failures.length) console.log(cmp.failures[0].message);
 */
export function compareTensor(reference: Tensor, candidate: Tensor, policy: VerificationPolicy): TensorComparison {
  const name = reference.name;
  const elements = reference.shape.reduce((a, b) => a * b, 1);
  const result: TensorComparison = { name, datatype: reference.datatype, elements, bitwiseEqual: false, failures: [] };
  const fail = (metric: PolicyFailure["metric"], value: number | string, limit: number | string, message: string) =>
    result.failures.push({ output: name, metric, value, limit, message: `output "${name}": ${message}` });

  if (candidate.datatype !== reference.datatype) {
    fail("datatype", candidate.datatype, reference.datatype, `datatype ${candidate.datatype}, expected ${reference.datatype}`);
    return result;
  }
  const shapeOk =
    candidate.shape.length === reference.shape.length && candidate.shape.every((d, i) => d === reference.shape[i]);
  const lengthOk = reference.datatype === "BYTES" || candidate.data.length === reference.data.length;
  if (!shapeOk || !lengthOk) {
    fail("shape", JSON.stringify(candidate.shape), JSON.stringify(reference.shape), `shape [${candidate.shape}], expected [${reference.shape}]`);
    return result;
  }
  result.bitwiseEqual = bytesEqual(reference, candidate);
  const refValues = tensorValues(reference);
  if (policy.kind === "bitwise" || refValues === undefined) {
    if (!result.bitwiseEqual) fail("bitwise", "differs", "identical", "bytes differ from the re-run output");
    return result;
  }
  const candValues = tensorValues(candidate) as Float64Array;
  const m = toleranceMetrics(refValues, candValues);
  Object.assign(result, { cosine: m.cosine, maxAbsError: m.maxAbsError, refMaxAbs: m.refMaxAbs, relAbsError: m.relAbsError });
  if (m.nonFiniteMismatches > 0) fail("nonFinite", m.nonFiniteMismatches, 0, `${m.nonFiniteMismatches} NaN/Inf positions differ`);
  if (m.maxAbsError <= ABSOLUTE_NOISE_FLOOR) return result;
  if (!(m.cosine >= policy.minCosine)) fail("cosine", m.cosine, policy.minCosine, `cosine ${m.cosine} < ${policy.minCosine}`);
  if (!(m.relAbsError <= policy.maxRelAbsError))
    fail("relAbsError", m.relAbsError, policy.maxRelAbsError, `max|a-b|/max|ref| ${m.relAbsError} > ${policy.maxRelAbsError}`);
  if (policy.topK > 0 && reference.shape.length > 0) {
    const classes = reference.shape[reference.shape.length - 1];
    const tie = 2 * Math.max(Math.min(policy.maxRelAbsError, TOP_K_TIE_RELATIVE) * m.refMaxAbs, ABSOLUTE_NOISE_FLOOR);
    const rows = topKDisagreements(refValues, candValues, classes, policy.topK, tie);
    result.topKDisagreeingRows = rows;
    if (rows > 0) fail("topK", rows, 0, `top-${policy.topK} indices disagree in ${rows} row(s)`);
  }
  return result;
}

function bytesEqual(a: Tensor, b: Tensor): boolean {
  const x = new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength);
  const y = new Uint8Array(b.data.buffer, b.data.byteOffset, b.data.byteLength);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}
