// The runtime's tensor form: what crosses the worker boundary (onnxruntime type names, plain typed arrays).

/** Typed arrays onnxruntime-node accepts and returns for the numeric and bool tensor types. */
export type RawTensorData =
  | Float32Array
  | Float64Array
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | BigInt64Array
  | BigUint64Array;

/**
 * A tensor as the runtime sees it: onnxruntime's type string (`float32`, `int64`, `bool`...), dims and
 * row-major data. The HTTP layer converts protocol tensors (datatype `FP32`...) to and from this form.
 */
export interface RawTensor {
  /** Input or output name in the ONNX graph. */
  name: string;
  /** onnxruntime element type (`float32`, `int64`, `bool`, `float16`...). */
  type: string;
  /** Dimensions, row-major. */
  dims: number[];
  /** Elements (bool as 0/1 bytes, float16 as raw half bits). */
  data: RawTensorData;
}
