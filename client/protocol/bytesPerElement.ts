// Size in bytes of one element of a fixed-size datatype.
import { TensorCodecError } from "../errors/TensorCodecError.js";
import type { Datatype } from "./Datatype.js";
import { DATATYPE_INFO } from "./internal/DATATYPE_INFO.js";
import { parseDatatype } from "./parseDatatype.js";

/**
 * Bytes per element of `datatype` in the raw little-endian layout (BOOL: 1, FP16: 2, ...).
 * Throws {@link TensorCodecError} for BYTES, whose elements have variable size.
 *
 * @example
 * bytesPerElement("FP32") // 4
 */
export function bytesPerElement(datatype: Datatype): number {
  const size = DATATYPE_INFO[parseDatatype(datatype)].size;
  if (size === 0) {
    throw new TensorCodecError("BYTES elements have no fixed size", {
      details: "a BYTES element is a u32le length followed by that many bytes; use the serialized byte length instead",
    });
  }
  return size;
}
