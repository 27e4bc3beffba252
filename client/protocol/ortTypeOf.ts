// Maps an OIP datatype to the onnxruntime tensor type name.
import type { Datatype } from "./Datatype.js";
import { DATATYPE_INFO } from "./internal/DATATYPE_INFO.js";
import { parseDatatype } from "./parseDatatype.js";

/**
 * onnxruntime's tensor type for an OIP datatype: FP32 -> "float32", FP16 -> "float16", BOOL -> "bool",
 * INT64 -> "int64", BYTES -> "string" (ORT string tensors take `string[]`; see `decodeBytesElements`).
 *
 * @example
 * new ort.Tensor(ortTypeOf(t.datatype), t.data, t.shape)
 */
export function ortTypeOf(datatype: Datatype): string {
  return DATATYPE_INFO[parseDatatype(datatype)].ort;
}
