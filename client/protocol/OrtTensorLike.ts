// The shape of an onnxruntime tensor as far as the codec needs it (no onnxruntime import).

/** What the codec reads from / gives to `ort.Tensor`: `new ort.Tensor(type, data, dims)` and `{ type, data, dims }` of outputs. */
export interface OrtTensorLike {
  type: string;
  data: unknown;
  dims: readonly number[];
}
