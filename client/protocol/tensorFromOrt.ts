// Converts an onnxruntime tensor (or anything shaped like one) into a validated Tensor.
import { TensorCodecError } from "../errors/TensorCodecError.js";
import type { OrtTensorLike } from "./OrtTensorLike.js";
import type { Tensor } from "./Tensor.js";
import type { TensorData } from "./TensorData.js";
import { assertTensor } from "./assertTensor.js";
import { datatypeOfOrtType } from "./datatypeOfOrtType.js";
import { encodeBytesElements } from "./encodeBytesElements.js";

/**
 * The {@link Tensor} named `name` holding an onnxruntime tensor's data (not copied). ORT "string"
 * tensors (`string[]`) become BYTES (UTF-8, Triton layout); "float16" data may be a Uint16Array of
 * half bits or a Float16Array (reinterpreted as its bits). Throws {@link TensorCodecError} for ORT
 * types OIP cannot carry or data that does not match type and dims.
 *
 * @example
 * const outputs = Object.entries(await session.run(feeds)).map(([name, t]) => tensorFromOrt(name, t));
 */
export function tensorFromOrt(name: string, t: OrtTensorLike): Tensor {
  if (t === null || typeof t !== "object") throw new TensorCodecError(`tensor ${JSON.stringify(name)}: expected an onnxruntime tensor`);
  const datatype = datatypeOfOrtType(t.type);
  let data = t.data as TensorData;
  if (datatype === "BYTES") {
    if (!Array.isArray(t.data)) throw new TensorCodecError(`tensor ${JSON.stringify(name)}: ORT string data must be a string[]`);
    data = encodeBytesElements(t.data as string[]);
  } else if (datatype === "FP16" && !(t.data instanceof Uint16Array) && ArrayBuffer.isView(t.data) && (t.data as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT === 2) {
    const v = t.data as unknown as Uint16Array;
    data = new Uint16Array(v.buffer, v.byteOffset, v.length); // Float16Array -> its raw bits
  }
  const tensor: Tensor = { name, datatype, shape: Array.from(t.dims ?? []), data };
  assertTensor(tensor);
  return tensor;
}
