// Internal per-datatype facts: element size, typed-array constructor, ORT type name, integer range.
import type { Datatype } from "../Datatype.js";

/** Facts about one datatype, used by the codec. */
export interface DatatypeInfo {
  /** Bytes per element; 0 for BYTES (variable). */
  size: number;
  /** The typed array constructor that holds its elements. */
  ctor:
    | Uint8ArrayConstructor
    | Int8ArrayConstructor
    | Uint16ArrayConstructor
    | Int16ArrayConstructor
    | Uint32ArrayConstructor
    | Int32ArrayConstructor
    | BigUint64ArrayConstructor
    | BigInt64ArrayConstructor
    | Float32ArrayConstructor
    | Float64ArrayConstructor;
  /** onnxruntime's tensor type name. */
  ort: string;
  /** Element kind, which decides JSON conversion. */
  kind: "bool" | "int" | "bigint" | "fp16" | "float" | "bytes";
  /** Inclusive range of integer kinds (numbers for "int", bigints for "bigint"). */
  min?: number | bigint;
  max?: number | bigint;
}

/** Per-datatype facts. */
export const DATATYPE_INFO: Readonly<Record<Datatype, DatatypeInfo>> = Object.freeze({
  BOOL: { size: 1, ctor: Uint8Array, ort: "bool", kind: "bool" },
  UINT8: { size: 1, ctor: Uint8Array, ort: "uint8", kind: "int", min: 0, max: 255 },
  UINT16: { size: 2, ctor: Uint16Array, ort: "uint16", kind: "int", min: 0, max: 65535 },
  UINT32: { size: 4, ctor: Uint32Array, ort: "uint32", kind: "int", min: 0, max: 4294967295 },
  UINT64: { size: 8, ctor: BigUint64Array, ort: "uint64", kind: "bigint", min: 0n, max: 2n ** 64n - 1n },
  INT8: { size: 1, ctor: Int8Array, ort: "int8", kind: "int", min: -128, max: 127 },
  INT16: { size: 2, ctor: Int16Array, ort: "int16", kind: "int", min: -32768, max: 32767 },
  INT32: { size: 4, ctor: Int32Array, ort: "int32", kind: "int", min: -2147483648, max: 2147483647 },
  INT64: { size: 8, ctor: BigInt64Array, ort: "int64", kind: "bigint", min: -(2n ** 63n), max: 2n ** 63n - 1n },
  FP16: { size: 2, ctor: Uint16Array, ort: "float16", kind: "fp16" },
  FP32: { size: 4, ctor: Float32Array, ort: "float32", kind: "float" },
  FP64: { size: 8, ctor: Float64Array, ort: "float64", kind: "float" },
  BYTES: { size: 0, ctor: Uint8Array, ort: "string", kind: "bytes" },
});
