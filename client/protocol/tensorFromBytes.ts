// Builds a tensor from raw little-endian row-major bytes (the OIP binary tensor extension layout).
import { TensorCodecError } from "../errors/TensorCodecError.js";
import type { Datatype } from "./Datatype.js";
import type { Tensor } from "./Tensor.js";
import { assertTensor } from "./assertTensor.js";
import { elementCount } from "./elementCount.js";
import { assertLittleEndianHost } from "./internal/assertLittleEndianHost.js";
import { DATATYPE_INFO } from "./internal/DATATYPE_INFO.js";
import { parseDatatype } from "./parseDatatype.js";

/**
 * The tensor whose raw bytes (see {@link tensorToBytes}) are `bytes`. The bytes are copied into a
 * fresh, aligned typed array, so the result does not alias `bytes`. Throws {@link TensorCodecError}
 * when the byte length does not match the shape (BYTES: when the serialized elements are malformed
 * or not as many as the shape), or a BOOL byte is not 0/1.
 *
 * @example
 * const x = tensorFromBytes("input", "FP32", [1, 4], body.subarray(offset, offset + 16));
 */
export function tensorFromBytes(name: string, datatype: Datatype | string, shape: number[], bytes: Uint8Array): Tensor {
  assertLittleEndianHost();
  const dt = parseDatatype(datatype, `tensor ${JSON.stringify(name)}: datatype`);
  if (!(bytes instanceof Uint8Array)) {
    throw new TensorCodecError(`tensor ${JSON.stringify(name)}: raw data must be a Uint8Array (or Buffer)`);
  }
  const info = DATATYPE_INFO[dt];
  if (info.size !== 0) {
    const count = elementCount(shape);
    if (bytes.length !== count * info.size) {
      throw new TensorCodecError(
        `tensor ${JSON.stringify(name)}: ${dt} shape [${shape.join(", ")}] needs ${count * info.size} bytes but got ${bytes.length}`,
        { details: `${count} element(s) x ${info.size} byte(s), little-endian, row-major, no padding` },
      );
    }
  }
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  const data = info.size === 0 ? copy : new info.ctor(copy.buffer, 0, bytes.length / info.size);
  const t: Tensor = { name, datatype: dt, shape: [...shape], data };
  assertTensor(t);
  return t;
}
