// The typed arrays that hold tensor elements.

/**
 * Element storage of a {@link Tensor}. Which array goes with which datatype:
 * BOOL -> Uint8Array (each 0 or 1), UINT8 -> Uint8Array, UINT16 -> Uint16Array, UINT32 -> Uint32Array,
 * UINT64 -> BigUint64Array, INT8 -> Int8Array, INT16 -> Int16Array, INT32 -> Int32Array,
 * INT64 -> BigInt64Array, FP16 -> Uint16Array of raw IEEE half bits, FP32 -> Float32Array,
 * FP64 -> Float64Array, BYTES -> Uint8Array in the Triton binary layout (per element a u32le byte
 * length followed by the element's bytes). These are also the arrays onnxruntime-node takes.
 */
export type TensorData =
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | BigUint64Array
  | BigInt64Array
  | Float32Array
  | Float64Array;
