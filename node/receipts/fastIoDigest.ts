// ioDigest for the receipt hot path: same bytes, hashed straight from the tensors' typed arrays.
import { createHash, hash } from "node:crypto";
import { ioDigest, DATATYPE_CODES, type Hex, type Tensor, type Datatype } from "../../client/index.js";

/** Typed array each fixed-size datatype must come in (what the node's decoders and ORT produce). */
const CTORS: Partial<Record<Datatype, Function>> = {
  UINT8: Uint8Array,
  UINT16: Uint16Array,
  UINT32: Uint32Array,
  UINT64: BigUint64Array,
  INT8: Int8Array,
  INT16: Int16Array,
  INT32: Int32Array,
  INT64: BigInt64Array,
  FP16: Uint16Array,
  FP32: Float32Array,
  FP64: Float64Array,
};

/** Canonical headers by name, datatype and shape (a node sees few distinct ones); bounded. */
const HEADERS = new Map<string, Buffer>();

function header(t: Tensor): Buffer {
  const key = `${t.datatype}|${t.shape.join(",")}|${t.name}`;
  let h = HEADERS.get(key);
  if (h === undefined) {
    const name = Buffer.from(t.name, "utf8");
    h = Buffer.alloc(4 + name.length + 1 + 4 + 8 * t.shape.length);
    let at = h.writeUInt32LE(name.length, 0);
    at += name.copy(h, at);
    at = h.writeUInt8(DATATYPE_CODES[t.datatype], at);
    at = h.writeUInt32LE(t.shape.length, at);
    for (const d of t.shape) at = h.writeBigUInt64LE(BigInt(d), at);
    if (HEADERS.size >= 4096) HEADERS.clear();
    HEADERS.set(key, h);
  }
  return h;
}

/** True when a float tensor holds a NaN or -0 (whose canonical bytes differ from its raw bytes). */
function needsCanonicalFloats(t: Tensor): boolean {
  if (t.datatype === "FP32" || t.datatype === "FP64") {
    const d = t.data as Float32Array | Float64Array;
    for (let i = 0; i < d.length; i++) {
      const x = d[i];
      if (x !== x || (x === 0 && 1 / x < 0)) return true;
    }
    return false;
  }
  if (t.datatype === "FP16") {
    const d = t.data as Uint16Array;
    for (let i = 0; i < d.length; i++) {
      const u = d[i];
      if (u === 0x8000 || (u & 0x7fff) > 0x7c00) return true;
    }
  }
  return false;
}

/** Header and raw bytes up to this size are copied into SCRATCH and hashed in one call (cheaper than a Hash object). */
const ONE_SHOT_MAX = 16384;
const SCRATCH = Buffer.allocUnsafe(ONE_SHOT_MAX);

/** The tensor digest when the fast path applies (fixed-size type in its typed array, count matches, no NaN/-0), else undefined. */
function fastTensorDigest(t: Tensor): Buffer | undefined {
  if (t === null || typeof t !== "object" || typeof t.name !== "string" || t.name.length === 0 || !Array.isArray(t.shape)) return undefined;
  const ctor = CTORS[t.datatype];
  if (ctor === undefined || !(t.data instanceof ctor)) return undefined;
  let count = 1;
  for (const d of t.shape) {
    if (!Number.isSafeInteger(d) || d < 0) return undefined;
    count *= d;
  }
  if (t.data.length !== count || needsCanonicalFloats(t)) return undefined;
  const h = header(t);
  const d = t.data;
  const raw = new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
  if (h.length + raw.length > ONE_SHOT_MAX) return createHash("sha256").update(h).update(raw).digest();
  h.copy(SCRATCH, 0);
  SCRATCH.set(raw, h.length);
  return hash("sha256", SCRATCH.subarray(0, h.length + raw.length), "buffer") as Buffer;
}

/**
 * Exactly `ioDigest(tensors)` (client/protocol), computed without copies or re-validation for the
 * tensors the node hashes on every request: fixed-size datatypes in their typed arrays whose floats
 * hold no NaN or -0 (those need the canonical bytes) get `sha256(cached header ‖ raw bytes)` straight
 * from the typed array's memory; anything else (BOOL, BYTES, NaN/-0, malformed, duplicate names) goes
 * through ioDigest itself, which also throws its errors.
 *
 * @example
 * const inputDigest = fastIoDigest(inputs); // === ioDigest(inputs)
 */
export function fastIoDigest(tensors: readonly Tensor[]): Hex {
  if (!Array.isArray(tensors)) return ioDigest(tensors);
  if (tensors.length === 1) {
    const d = fastTensorDigest(tensors[0]);
    return d ? (`0x${hash("sha256", d, "hex")}` as Hex) : ioDigest(tensors);
  }
  const items: { key: Buffer; digest: Buffer }[] = [];
  for (const t of tensors) {
    const digest = fastTensorDigest(t);
    if (!digest) return ioDigest(tensors);
    items.push({ key: Buffer.from(t.name, "utf8"), digest });
  }
  items.sort((a, b) => Buffer.compare(a.key, b.key));
  const h = createHash("sha256");
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && items[i - 1].key.equals(items[i].key)) return ioDigest(tensors); // throws: duplicate names
    h.update(items[i].digest);
  }
  return `0x${h.digest("hex")}` as Hex;
}
