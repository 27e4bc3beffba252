// Canonical float bits for digests: every NaN becomes the quiet NaN, -0 becomes +0.
import type { Datatype } from "../Datatype.js";

/**
 * `raw` (a tensor's little-endian bytes, aligned to its element size) with FP16/FP32/FP64 elements
 * canonicalised: any NaN -> the canonical quiet NaN (0x7e00, 0x7fc00000, 0x7ff8000000000000) and
 * -0 -> +0. These are exactly the distinctions JSON cannot carry, so a tensor's digest survives the
 * OIP JSON transport. Returns `raw` itself when nothing needs changing (the common case), else a copy.
 */
export function canonicalFloatBytes(datatype: Datatype, raw: Uint8Array): Uint8Array {
  if (datatype === "FP32") return fix32(raw);
  if (datatype === "FP64") return fix64(raw);
  if (datatype === "FP16") return fix16(raw);
  return raw;
}

function fix32(raw: Uint8Array): Uint8Array {
  const v = new Uint32Array(raw.buffer, raw.byteOffset, raw.byteLength >> 2);
  let out: Uint32Array | undefined;
  for (let i = 0; i < v.length; i++) {
    const u = v[i];
    if (u === 0x80000000 || ((u & 0x7fffffff) > 0x7f800000 && u !== 0x7fc00000)) {
      out ??= v.slice();
      out[i] = u === 0x80000000 ? 0 : 0x7fc00000;
    }
  }
  return out ? new Uint8Array(out.buffer) : raw;
}

function fix64(raw: Uint8Array): Uint8Array {
  const v = new Uint32Array(raw.buffer, raw.byteOffset, raw.byteLength >> 2);
  let out: Uint32Array | undefined;
  for (let i = 0; i < v.length; i += 2) {
    const lo = v[i];
    const hi = v[i + 1];
    const mag = hi & 0x7fffffff;
    const negZero = hi === 0x80000000 && lo === 0;
    const nan = mag > 0x7ff00000 || (mag === 0x7ff00000 && lo !== 0);
    if (negZero || (nan && !(hi === 0x7ff80000 && lo === 0))) {
      out ??= v.slice();
      out[i] = 0;
      out[i + 1] = negZero ? 0 : 0x7ff80000;
    }
  }
  return out ? new Uint8Array(out.buffer) : raw;
}

function fix16(raw: Uint8Array): Uint8Array {
  const v = new Uint16Array(raw.buffer, raw.byteOffset, raw.byteLength >> 1);
  let out: Uint16Array | undefined;
  for (let i = 0; i < v.length; i++) {
    const u = v[i];
    if (u === 0x8000 || ((u & 0x7fff) > 0x7c00 && u !== 0x7e00)) {
      out ??= v.slice();
      out[i] = u === 0x8000 ? 0 : 0x7e00;
    }
  }
  return out ? new Uint8Array(out.buffer) : raw;
}
