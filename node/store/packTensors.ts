// Lays tensors out for the data log: a u32 header length, a JSON header, then the raw bytes (as parts, no copy).
import { tensorToBytes, type Tensor } from "../../client/index.js";

/**
 * The parts of `[u32le headerLen][JSON [{name, datatype, shape, size}]][raw little-endian bytes...]`;
 * the raw parts are views of the tensors' data (no copy). Concatenated, unpackTensors reads them back.
 *
 * @example
 * const parts = packTensors(outputs); const again = unpackTensors(Buffer.concat(parts));
 */
export function packTensors(tensors: Tensor[]): Uint8Array[] {
  const bodies = tensors.map((t) => tensorToBytes(t));
  const header = Buffer.from(JSON.stringify(tensors.map((t, i) => ({ name: t.name, datatype: t.datatype, shape: t.shape, size: bodies[i].length }))));
  const len = Buffer.allocUnsafe(4);
  len.writeUInt32LE(header.length, 0);
  return [len, header, ...bodies];
}
