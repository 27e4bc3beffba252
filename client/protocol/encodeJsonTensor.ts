// Encodes a Tensor as an OIP v2 JSON tensor with flat row-major data.
import { TensorCodecError } from "../errors/TensorCodecError.js";
import type { JsonTensor } from "./JsonTensor.js";
import type { Tensor } from "./Tensor.js";
import { assertTensor } from "./assertTensor.js";
import { decodeBytesElements } from "./decodeBytesElements.js";
import { fp16ToNumber } from "./fp16ToNumber.js";
import { DATATYPE_INFO } from "./internal/DATATYPE_INFO.js";

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The OIP v2 JSON form of a tensor, data flat in row-major order:
 * BOOL as `true`/`false`; integers as numbers, except UINT64/INT64 values beyond ±(2^53-1), which
 * are decimal strings (a JSON number would lose them); FP16 as the exact number its bits stand for;
 * floats as numbers, except NaN and ±Infinity, which JSON lacks and are written "NaN", "Infinity",
 * "-Infinity" (all of these {@link decodeJsonTensor} reads back to identical bits, except NaN payloads);
 * BYTES as UTF-8 strings (a non-UTF-8 element throws {@link TensorCodecError}: use the binary extension).
 * JSON text cannot carry -0 (`JSON.stringify` writes 0) nor NaN payloads; {@link tensorDigest} folds
 * exactly those, so a tensor's digest survives encode -> JSON text -> decode.
 *
 * @example
 * res.json({ outputs: outputs.map(encodeJsonTensor) })
 */
export function encodeJsonTensor(t: Tensor): JsonTensor {
  assertTensor(t);
  const info = DATATYPE_INFO[t.datatype];
  const d = t.data;
  let data: unknown[];
  switch (info.kind) {
    case "bool":
      data = Array.from(d as Uint8Array, (v) => v === 1);
      break;
    case "int":
      data = Array.from(d as Int32Array);
      break;
    case "bigint":
      data = Array.from(d as BigInt64Array, (v) =>
        v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString(),
      );
      break;
    case "fp16":
      data = Array.from(d as Uint16Array, (v) => floatJson(fp16ToNumber(v)));
      break;
    case "float":
      data = Array.from(d as Float64Array, floatJson);
      break;
    case "bytes":
      data = decodeBytesElements(d as Uint8Array).map((b, i) => {
        try {
          return UTF8.decode(b);
        } catch (e) {
          throw new TensorCodecError(`tensor ${JSON.stringify(t.name)}: BYTES element ${i} is not valid UTF-8`, {
            details: "JSON carries BYTES as text; send binary elements with the binary tensor extension (tensorToBytes)",
            cause: e,
          });
        }
      });
      break;
  }
  return { name: t.name, datatype: t.datatype, shape: [...t.shape], data };
}

function floatJson(v: number): number | string {
  if (Number.isFinite(v)) return v;
  return Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
}
