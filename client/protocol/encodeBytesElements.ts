// Serializes BYTES elements into the Triton binary layout (u32le length + bytes, per element).
import { TensorCodecError } from "../errors/TensorCodecError.js";

/**
 * Packs BYTES elements (strings are UTF-8 encoded) into the layout a BYTES {@link Tensor} holds:
 * for each element its byte length as u32le, then its bytes.
 *
 * @example
 * const t = { name: "text", datatype: "BYTES", shape: [2], data: encodeBytesElements(["hi", "yo"]) };
 */
export function encodeBytesElements(elements: ReadonlyArray<string | Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i];
    let bytes: Uint8Array;
    if (typeof e === "string") bytes = Buffer.from(e, "utf8");
    else if (e instanceof Uint8Array) bytes = e;
    else {
      throw new TensorCodecError(`BYTES element ${i} is ${e === null ? "null" : typeof e}`, {
        details: "each BYTES element must be a string (sent as UTF-8) or a Uint8Array",
      });
    }
    if (bytes.length > 0xffffffff) throw new TensorCodecError(`BYTES element ${i} is longer than 2^32-1 bytes`);
    parts.push(bytes);
    total += 4 + bytes.length;
  }
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const p of parts) {
    view.setUint32(at, p.length, true);
    out.set(p, at + 4);
    at += 4 + p.length;
  }
  return out;
}
