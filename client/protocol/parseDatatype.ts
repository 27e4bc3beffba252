// Checks that a string is one of the supported OIP datatypes.
import { TensorCodecError } from "../errors/TensorCodecError.js";
import type { Datatype } from "./Datatype.js";
import { DATATYPE_INFO } from "./internal/DATATYPE_INFO.js";

/**
 * Returns `value` as a {@link Datatype}, or throws {@link TensorCodecError} naming the valid ones.
 * Matching is exact (OIP datatypes are upper case).
 *
 * @example
 * parseDatatype("FP32") // "FP32"
 */
export function parseDatatype(value: unknown, context = "datatype"): Datatype {
  if (typeof value === "string" && Object.prototype.hasOwnProperty.call(DATATYPE_INFO, value)) return value as Datatype;
  throw new TensorCodecError(`${context} ${JSON.stringify(value)} is not a supported datatype`, {
    details: `use one of ${Object.keys(DATATYPE_INFO).join(", ")} (exact upper case; BF16 is not supported)`,
  });
}
