// Packs tensors into one blob for the store: a u32 header length, a JSON header, then the raw bytes.
import { tensorToBytes, type Tensor } from "../../client/index.js";

/**
 * Serialises tensors as `[u32le headerLen][JSON [{name, datatype, shape, size}]][raw little-endian bytes...]`.
 *
 * @example
 * const blob = packTensors(outputs); const again = unpackTensors(blob);
 */
export function packTensors(tensors: Tensor[]): Uint8Array {
  const bodies = tensors.map((t) => tensorToBytes(t));
  const header = Buffer.from(JSON.stringify(tensors.map((t, i) => ({ name: t.name, datatype: t.datatype, shape: t.shape, size: bodies[i].length }))));
  const total = 4 + header.length + bodies.reduce((s, b) => s + b.length, 0);
  const out = Buffer.allocUnsafe(total);
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  let off = 4 + header.length;
  for (const b of bodies) {
    out.set(b, off);
    off += b.length;
  }
  return out;
}
