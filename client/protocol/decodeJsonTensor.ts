// Decodes an OIP v2 JSON tensor (flat or nested data) into a typed-array Tensor, strictly validated.
import { TensorCodecError } from "../errors/TensorCodecError.js";
import type { Datatype } from "./Datatype.js";
import type { JsonTensor } from "./JsonTensor.js";
import type { Tensor } from "./Tensor.js";
import { elementCount } from "./elementCount.js";
import { encodeBytesElements } from "./encodeBytesElements.js";
import { DATATYPE_INFO, type DatatypeInfo } from "./internal/DATATYPE_INFO.js";
import { numberToFp16 } from "./numberToFp16.js";
import { parseDatatype } from "./parseDatatype.js";

const FP32_MAX = 3.4028234663852886e38;

/**
 * Decodes an Open Inference Protocol v2 JSON tensor. `data` may be flat (row-major) or nested exactly
 * as the shape; a scalar (shape `[]`) may be given as `[v]` or `v`; an empty tensor (a 0 dim) as `[]`.
 * Element rules (anything else throws {@link TensorCodecError} saying which element and what to send):
 * - BOOL: `true`/`false` only.
 * - UINT8..INT32: integral numbers within the datatype's range.
 * - UINT64/INT64: safe-integer numbers, or decimal strings (needed beyond ±2^53), within range.
 * - FP16/FP32/FP64: numbers, or the strings "NaN", "Infinity", "-Infinity"; a finite value that would
 *   overflow the type's range is refused (FP16 rounds half to even to the nearest half).
 * - BYTES: strings, stored as their UTF-8 bytes.
 * A tensor without `data` (binary extension) is refused: decode its bytes with `tensorFromBytes`.
 *
 * @example
 * decodeJsonTensor({ name: "x", datatype: "FP32", shape: [2, 2], data: [[1, 2], [3, 4]] })
 */
export function decodeJsonTensor(json: JsonTensor): Tensor {
  if (json === null || typeof json !== "object") {
    throw new TensorCodecError(`expected a JSON tensor object, got ${json === null ? "null" : typeof json}`);
  }
  if (typeof json.name !== "string" || json.name.length === 0) {
    throw new TensorCodecError(`tensor name must be a non-empty string, got ${JSON.stringify(json.name)}`);
  }
  const where = `tensor ${JSON.stringify(json.name)}`;
  const datatype = parseDatatype(json.datatype, `${where}: datatype`);
  let count: number;
  try {
    count = elementCount(json.shape);
  } catch (e) {
    const err = e as TensorCodecError;
    throw new TensorCodecError(`${where}: ${err.shortMessage}`, { details: err.details, cause: e });
  }
  const shape = [...json.shape];
  if (json.data === undefined) {
    throw new TensorCodecError(`${where} has no "data"`, {
      details: "a JSON tensor needs data; when its bytes travel in the binary extension (binary_data_size), decode them with tensorFromBytes",
    });
  }
  const flat = flatten(json.data, shape, count, where);
  const data = convert(flat, datatype, DATATYPE_INFO[datatype], where);
  return { name: json.name, datatype, shape, data };
}

function flatten(data: unknown, shape: number[], count: number, where: string): unknown[] {
  if (!Array.isArray(data)) {
    if (shape.length === 0) return [data];
    throw new TensorCodecError(`${where}: data must be an array, got ${describe(data)}`, {
      details: `give ${count} value(s) flat in row-major order, or nested as shape [${shape.join(", ")}]`,
    });
  }
  if (data.length > 0 && Array.isArray(data[0])) {
    if (shape.length < 2) {
      throw new TensorCodecError(`${where}: data is nested but shape [${shape.join(", ")}] has rank ${shape.length}`, {
        details: "nest data only as deep as the shape, or send it flat",
      });
    }
    const out: unknown[] = [];
    walk(data, shape, 0, "data", out, where);
    return out;
  }
  if (data.length !== count) {
    throw new TensorCodecError(`${where}: shape [${shape.join(", ")}] needs ${count} element(s) but data has ${data.length}`, {
      details: `give exactly ${count} value(s) flat in row-major order, or nest data exactly as the shape`,
    });
  }
  return data;
}

function walk(node: unknown, shape: number[], level: number, path: string, out: unknown[], where: string): void {
  if (!Array.isArray(node) || node.length !== shape[level]) {
    const got = Array.isArray(node) ? `${node.length} entries` : describe(node);
    throw new TensorCodecError(`${where}: nested data does not match shape [${shape.join(", ")}]: ${path} should have ${shape[level]} entries, got ${got}`, {
      details: "nest data exactly as the shape (each level's length is that dim), or send it flat in row-major order",
    });
  }
  if (level === shape.length - 1) {
    for (let i = 0; i < node.length; i++) {
      if (Array.isArray(node[i])) {
        throw new TensorCodecError(`${where}: nested data is deeper than shape [${shape.join(", ")}] at ${path}[${i}]`);
      }
      out.push(node[i]);
    }
    return;
  }
  for (let i = 0; i < node.length; i++) walk(node[i], shape, level + 1, `${path}[${i}]`, out, where);
}

function convert(flat: unknown[], dt: Datatype, info: DatatypeInfo, where: string) {
  const bad = (i: number, v: unknown, need: string) =>
    new TensorCodecError(`${where}: element ${i} is ${describe(v)}; ${dt} needs ${need}`, {
      details: "element indexes count in row-major order from 0",
    });
  const n = flat.length;
  switch (info.kind) {
    case "bool": {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const v = flat[i];
        if (v === true) out[i] = 1;
        else if (v !== false) throw bad(i, v, "true or false");
      }
      return out;
    }
    case "int": {
      const out = new info.ctor(n) as Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array;
      const min = info.min as number;
      const max = info.max as number;
      for (let i = 0; i < n; i++) {
        const v = flat[i];
        if (typeof v !== "number" || !Number.isInteger(v)) throw bad(i, v, `an integer number in [${min}, ${max}]`);
        if (v < min || v > max) throw bad(i, v, `a value in [${min}, ${max}]`);
        out[i] = v;
      }
      return out;
    }
    case "bigint": {
      const out = new info.ctor(n) as BigInt64Array | BigUint64Array;
      const min = info.min as bigint;
      const max = info.max as bigint;
      const need = `an integer in [${min}, ${max}] (a number up to ±2^53, or a decimal string)`;
      for (let i = 0; i < n; i++) {
        const v = flat[i];
        let b: bigint;
        if (typeof v === "number" && Number.isSafeInteger(v)) b = BigInt(v);
        else if (typeof v === "string" && /^-?[0-9]{1,20}$/.test(v)) b = BigInt(v);
        else if (typeof v === "bigint") b = v;
        else throw bad(i, v, need);
        if (b < min || b > max) throw bad(i, v, need);
        out[i] = b;
      }
      return out;
    }
    case "float":
    case "fp16": {
      const isHalf = info.kind === "fp16";
      const isF32 = dt === "FP32";
      const out = isHalf ? new Uint16Array(n) : new info.ctor(n) as Float32Array | Float64Array;
      const need = 'a number (or "NaN", "Infinity", "-Infinity")';
      for (let i = 0; i < n; i++) {
        let v = flat[i];
        if (typeof v === "string") {
          if (v === "NaN") v = NaN;
          else if (v === "Infinity") v = Infinity;
          else if (v === "-Infinity") v = -Infinity;
          else throw bad(i, v, need);
        } else if (typeof v !== "number") throw bad(i, v, need);
        const x = v as number;
        if (Number.isFinite(x)) {
          if (isHalf && Math.abs(x) >= 65520) throw bad(i, v, "a finite value within ±65504 (FP16 range)");
          if (isF32 && Math.abs(x) > FP32_MAX && !Number.isFinite(Math.fround(x))) throw bad(i, v, `a finite value within ±${FP32_MAX} (FP32 range)`);
        }
        out[i] = isHalf ? numberToFp16(x) : x;
      }
      return out;
    }
    case "bytes": {
      for (let i = 0; i < n; i++) if (typeof flat[i] !== "string") throw bad(i, flat[i], "a string (sent as UTF-8)");
      return encodeBytesElements(flat as string[]);
    }
  }
}

function describe(v: unknown): string {
  if (v === undefined) return "undefined";
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "number") return Number.isNaN(v) ? "NaN" : String(v);
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
