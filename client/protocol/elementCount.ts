// Number of elements of a shape, with the shape validated.
import { TensorCodecError } from "../errors/TensorCodecError.js";

/**
 * The number of elements a tensor of `shape` holds: the product of the dims, 1 for a scalar (`[]`),
 * 0 when any dim is 0. Throws {@link TensorCodecError} unless `shape` is an array of non-negative
 * safe integers (variable dims such as -1 are not allowed in a concrete tensor) whose product is a safe integer.
 *
 * @example
 * elementCount([2, 3]) // 6
 */
export function elementCount(shape: readonly number[]): number {
  if (!Array.isArray(shape)) {
    throw new TensorCodecError(`shape must be an array of dims, got ${describe(shape)}`, {
      details: "give the shape as a list of non-negative integers, [] for a scalar",
    });
  }
  let n = 1;
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i];
    if (typeof d !== "number" || !Number.isSafeInteger(d) || d < 0) {
      throw new TensorCodecError(`shape [${shape.map(describe).join(", ")}] has an invalid dim at index ${i}: ${describe(d)}`, {
        details: "every dim must be a non-negative integer (variable dims like -1 are only for metadata, not for concrete tensors)",
      });
    }
    n *= d;
  }
  if (!Number.isSafeInteger(n)) {
    throw new TensorCodecError(`shape [${shape.join(", ")}] has too many elements (${n})`, {
      details: "the element count must stay below 2^53",
    });
  }
  return n;
}

function describe(v: unknown): string {
  return typeof v === "string" ? JSON.stringify(v) : typeof v === "bigint" ? `${v}n` : String(v);
}
