// Reads back the tensors packTensors wrote.
import { tensorFromBytes, type Tensor, type Datatype } from "../../client/index.js";

/**
 * Inverse of packTensors.
 *
 * @example
 * const tensors = unpackTensors(store.data(seq)!.outputs);
 */
export function unpackTensors(blob: Uint8Array): Tensor[] {
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  const headerLen = buf.readUInt32LE(0);
  const header = JSON.parse(buf.subarray(4, 4 + headerLen).toString("utf8")) as { name: string; datatype: Datatype; shape: number[]; size: number }[];
  let off = 4 + headerLen;
  return header.map((h) => {
    const t = tensorFromBytes(h.name, h.datatype, h.shape, new Uint8Array(blob.buffer, blob.byteOffset + off, h.size));
    off += h.size;
    return t;
  });
}
