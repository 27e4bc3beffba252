// The arguments for `new ort.Tensor(type, data, dims)` from a Tensor (no onnxruntime import).
import { TensorCodecError } from "../errors/TensorCodecError.js";
import type { Tensor } from "./Tensor.js";
import type { TensorData } from "./TensorData.js";
import { assertTensor } from "./assertTensor.js";
import { decodeBytesElements } from "./decodeBytesElements.js";
import { ortTypeOf } from "./ortTypeOf.js";

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** Return type of {@link tensorToOrt}. */
export interface OrtTensorArgs {
  type: string;
  data: TensorData | string[];
  dims: number[];
}

/**
 * Validates `t` and gives what `new ort.Tensor(type, data, dims)` takes: the data as is (no copy;
 * FP16 as Uint16Array half bits, BOOL as Uint8Array 0/1, as ORT accepts), BYTES split into UTF-8
 * strings (ORT string tensors hold JS strings; a non-UTF-8 element throws {@link TensorCodecError}).
 *
 * @example
 * const { type, data, dims } = tensorToOrt(input);
 * feeds[input.name] = new ort.Tensor(type, data, dims);
 */
export function tensorToOrt(t: Tensor): OrtTensorArgs {
  assertTensor(t);
  let data: TensorData | string[] = t.data;
  if (t.datatype === "BYTES") {
    data = decodeBytesElements(t.data as Uint8Array).map((b, i) => {
      try {
        return UTF8.decode(b);
      } catch (e) {
        throw new TensorCodecError(`tensor ${JSON.stringify(t.name)}: BYTES element ${i} is not valid UTF-8, which ORT string tensors need`, { cause: e });
      }
    });
  }
  return { type: ortTypeOf(t.datatype), data, dims: [...t.shape] };
}
