// Validates a Tensor: name, datatype, shape, typed array kind and element count, BOOL values, BYTES layout.
import { TensorCodecError } from "../errors/TensorCodecError.js";
import type { Tensor } from "./Tensor.js";
import { DATATYPE_INFO } from "./internal/DATATYPE_INFO.js";
import { decodeBytesElements } from "./decodeBytesElements.js";
import { elementCount } from "./elementCount.js";
import { parseDatatype } from "./parseDatatype.js";

/**
 * Throws {@link TensorCodecError} unless `t` is a well-formed {@link Tensor}: a non-empty string name,
 * a supported datatype, a valid shape, `data` of the typed array the datatype prescribes with exactly
 * as many elements as the shape (BYTES: well-formed serialized elements, as many as the shape), and
 * BOOL bytes that are 0 or 1. Returns the element count.
 *
 * @example
 * assertTensor({ name: "x", datatype: "INT32", shape: [2], data: new Int32Array([1, 2]) }) // 2
 */
export function assertTensor(t: Tensor): number {
  if (t === null || typeof t !== "object") throw new TensorCodecError(`expected a tensor object, got ${t === null ? "null" : typeof t}`);
  if (typeof t.name !== "string" || t.name.length === 0) {
    throw new TensorCodecError(`tensor name must be a non-empty string, got ${JSON.stringify(t.name)}`);
  }
  const where = `tensor ${JSON.stringify(t.name)}`;
  const datatype = parseDatatype(t.datatype, `${where}: datatype`);
  const count = withContext(where, () => elementCount(t.shape));
  const info = DATATYPE_INFO[datatype];
  if (!(t.data instanceof info.ctor)) {
    throw new TensorCodecError(`${where}: ${datatype} data must be a ${info.ctor.name}, got ${describeData(t.data)}`, {
      details: datatype === "FP16" ? "FP16 data holds raw half bits in a Uint16Array (see numberToFp16)" : undefined,
    });
  }
  if (info.kind === "bytes") {
    withContext(where, () => decodeBytesElements(t.data as Uint8Array, count));
    return count;
  }
  if (t.data.length !== count) {
    throw new TensorCodecError(`${where}: shape [${t.shape.join(", ")}] needs ${count} element(s) but data has ${t.data.length}`);
  }
  if (info.kind === "bool") {
    const d = t.data as Uint8Array;
    for (let i = 0; i < d.length; i++) {
      if (d[i] > 1) throw new TensorCodecError(`${where}: BOOL element ${i} is ${d[i]}; BOOL bytes must be 0 or 1`);
    }
  }
  return count;
}

function describeData(d: unknown): string {
  if (d === null || d === undefined) return String(d);
  if (typeof d === "object") return (d as object).constructor?.name ?? "object";
  return typeof d;
}

function withContext<T>(where: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof TensorCodecError) throw new TensorCodecError(`${where}: ${e.shortMessage}`, { details: e.details, cause: e });
    throw e;
  }
}
