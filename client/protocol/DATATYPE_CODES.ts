// The one-byte codes that stand for each datatype in the canonical tensor encoding (tensorDigest).
import type { Datatype } from "./Datatype.js";

/**
 * Datatype codes of the canonical tensor encoding. Fixed forever: changing one changes every digest.
 *
 * | code | datatype | | code | datatype |
 * |---|---|---|---|---|
 * | 1 | BOOL   | | 8  | INT32 |
 * | 2 | UINT8  | | 9  | INT64 |
 * | 3 | UINT16 | | 10 | FP16  |
 * | 4 | UINT32 | | 11 | FP32  |
 * | 5 | UINT64 | | 12 | FP64  |
 * | 6 | INT8   | | 13 | BYTES |
 * | 7 | INT16  | |    |       |
 *
 * Code 0 is reserved (never valid), so an all-zero header is never a valid encoding.
 */
export const DATATYPE_CODES: Readonly<Record<Datatype, number>> = Object.freeze({
  BOOL: 1,
  UINT8: 2,
  UINT16: 3,
  UINT32: 4,
  UINT64: 5,
  INT8: 6,
  INT16: 7,
  INT32: 8,
  INT64: 9,
  FP16: 10,
  FP32: 11,
  FP64: 12,
  BYTES: 13,
});
