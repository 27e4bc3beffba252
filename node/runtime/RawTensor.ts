// The runtime's tensor form: what crosses the worker boundary (onnxruntime type names, plain typed arrays).
import type { TensorData } from "../../client/index.js";

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
  /** Elements (bool as 0/1 bytes, float16 as raw half bits): the protocol's typed arrays, which onnxruntime-node takes and returns. */
  data: TensorData;
}
