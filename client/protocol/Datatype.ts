// The Open Inference Protocol v2 tensor datatypes this protocol supports.

/**
 * An Open Inference Protocol v2 datatype. BF16 is not supported (onnxruntime-node has no bfloat16 tensors).
 * BYTES tensors carry variable-length elements (see {@link Tensor}).
 */
export type Datatype =
  | "BOOL"
  | "UINT8"
  | "UINT16"
  | "UINT32"
  | "UINT64"
  | "INT8"
  | "INT16"
  | "INT32"
  | "INT64"
  | "FP16"
  | "FP32"
  | "FP64"
  | "BYTES";
