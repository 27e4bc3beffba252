// Lays tensors out for the data log: a u32 header length, a JSON header, then the raw bytes (as parts, no copy).
import { tensorToBytes, type Tensor } from "../../client/index.js";

/** Encoded `[u32 len][JSON header]` by tensor names, datatypes, shapes and sizes (a node sees few distinct ones); bounded. */
const HEADERS = new Map<string, Uint8Array>();

/**
 * The parts of `[u32le headerLen][JSON [{name, datatype, shape, size}]][raw little-endian bytes...]`;
 * the raw parts are views of the tensors' data (no copy). Concatenated, unpackTensors reads them back.
 * The header bytes are cached per layout (the same model answers with the same one every time).
 *
 * @example
 * const parts = packTensors(outputs); const again = unpackTensors(Buffer.concat(parts));
 */
export function packTensors(tensors: Tensor[]): Uint8Array[] {
  const parts: Uint8Array[] = [new Uint8Array(0)];
  let key = "";
  for (const t of tensors) {
    const bytes = tensorToBytes(t);
    parts.push(bytes);
    key += `${t.datatype}|${t.shape.join(",")}|${bytes.length}|${t.name.length}|${t.name}`;
  }
  let head = HEADERS.get(key);
  if (head === undefined) {
    const json = Buffer.from(JSON.stringify(tensors.map((t, i) => ({ name: t.name, datatype: t.datatype, shape: t.shape, size: parts[i + 1].length }))));
    const h = Buffer.allocUnsafe(4 + json.length);
    h.writeUInt32LE(json.length, 0);
    json.copy(h, 4);
    head = h;
    if (HEADERS.size >= 4096) HEADERS.clear();
    HEADERS.set(key, head);
  }
  parts[0] = head;
  return parts;
}
