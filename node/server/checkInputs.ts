// Checks decoded inputs against a model's io spec and turns them into runtime feeds; every mismatch is a 400.
import type { Tensor } from "../../client/index.js";
import type { ServedModel } from "../models/ServedModel.js";
import type { RawTensor } from "../runtime/RawTensor.js";
import { HttpError } from "../http/HttpError.js";

/** Index of the first NaN/Inf element, or -1. */
function firstNonFinite(t: Tensor): number {
  const d = t.data;
  if (t.datatype === "FP32" || t.datatype === "FP64") {
    const f = d as Float32Array;
    // x * 0 is 0 for every finite x and NaN for NaN/±Inf: one tight pass, then locate only on failure
    let acc = 0;
    for (let i = 0; i < f.length; i++) acc += f[i] * 0;
    if (acc === 0) return -1;
    for (let i = 0; i < f.length; i++) if (!Number.isFinite(f[i])) return i;
  } else if (t.datatype === "FP16") {
    const h = d as Uint16Array;
    for (let i = 0; i < h.length; i++) if ((h[i] & 0x7c00) === 0x7c00) return i;
  }
  return -1;
}

/**
 * Checks names (no missing, no unknown), datatypes, ranks, fixed dims, batch size and NaN/Inf, then
 * returns the feeds in the model's input order.
 *
 * @example
 * const feeds = checkInputs(model, parsed.inputs);
 */
export function checkInputs(model: ServedModel, inputs: Tensor[]): RawTensor[] {
  const byName = new Map(inputs.map((t) => [t.name, t]));
  const expected = model.inputs.map((s) => s.name);
  for (const t of inputs) {
    if (!model.inputs.some((s) => s.name === t.name)) {
      throw new HttpError(400, `unknown input '${t.name}' for model '${model.config.name}'; it takes: ${expected.join(", ")}`);
    }
  }
  let batch: number | undefined;
  return model.inputs.map((spec) => {
    const t = byName.get(spec.name);
    if (!t) throw new HttpError(400, `missing input '${spec.name}' for model '${model.config.name}'; it takes: ${expected.join(", ")}`);
    if (t.datatype !== spec.datatype) throw new HttpError(400, `input '${spec.name}' must have datatype ${spec.datatype}, got ${t.datatype}`);
    const want = `[${spec.shape.join(",")}]`;
    if (t.shape.length !== spec.shape.length) {
      throw new HttpError(400, `input '${spec.name}' must have rank ${spec.shape.length} (shape ${want}, -1 = any), got shape [${t.shape.join(",")}]`);
    }
    t.shape.forEach((d, i) => {
      if (d < 1) throw new HttpError(400, `input '${spec.name}': dimension ${i} is ${d}; every dimension must be at least 1`);
      if (spec.shape[i] !== -1 && spec.shape[i] !== d) {
        throw new HttpError(400, `input '${spec.name}' must have shape ${want} (-1 = any), got [${t.shape.join(",")}]`);
      }
    });
    if (model.runner.batching) {
      const rows = t.shape[0];
      if (rows > model.config.maxBatchSize) {
        throw new HttpError(400, `input '${spec.name}' has batch size ${rows}, above model '${model.config.name}' max_batch_size ${model.config.maxBatchSize}`);
      }
      if (batch !== undefined && rows !== batch) throw new HttpError(400, `inputs disagree on the batch (first) dimension: ${batch} vs ${rows} for '${spec.name}'`);
      batch = rows;
    }
    if (!model.config.allowNonFinite) {
      const bad = firstNonFinite(t);
      if (bad >= 0) throw new HttpError(400, `input '${spec.name}' holds NaN or Infinity at flat index ${bad}; model '${model.config.name}' accepts finite values only`);
    }
    return { name: spec.name, type: spec.ortType, dims: t.shape, data: t.data };
  });
}
