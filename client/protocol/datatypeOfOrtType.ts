// Maps an onnxruntime tensor type name to the OIP datatype.
import { TensorCodecError } from "../errors/TensorCodecError.js";
import type { Datatype } from "./Datatype.js";
import { DATATYPE_INFO } from "./internal/DATATYPE_INFO.js";

/**
 * The OIP datatype for an onnxruntime tensor type ("float32" -> "FP32", "string" -> "BYTES").
 * Throws {@link TensorCodecError} for ORT types OIP v2 cannot carry (bfloat16, int4, uint4, float8...).
 *
 * @example
 * datatypeOfOrtType(session.outputMetadata[0].type) // "FP32"
 */
export function datatypeOfOrtType(type: string): Datatype {
  for (const [dt, info] of Object.entries(DATATYPE_INFO)) if (info.ort === type) return dt as Datatype;
  throw new TensorCodecError(`onnxruntime type ${JSON.stringify(type)} has no Open Inference Protocol datatype`, {
    details: `supported: ${Object.values(DATATYPE_INFO).map((i) => i.ort).join(", ")}`,
  });
}
