// Canonical tensor digest and io digest: the documented byte encoding, sensitivity, and errors.
import { expect } from "chai";
import { createHash } from "node:crypto";
import { randomBytes } from "node:crypto";
import {
  TensorCodecError,
  canonicalTensorHeader,
  decodeJsonTensor,
  encodeJsonTensor,
  ioDigest,
  tensorDigest,
  tensorFromBytes,
  type Datatype,
  type Tensor,
} from "../../client/index.js";

const sha = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();

describe("tensor digest", () => {
  const t: Tensor = { name: "x", datatype: "FP32", shape: [2, 1], data: new Float32Array([1, -2]) };

  it("hashes u32le name length, name, datatype code, u32le rank, u64le dims, raw LE bytes", () => {
    const expected = Buffer.from(
      "01000000" + "78" + "0b" + "02000000" + "0200000000000000" + "0100000000000000" + "0000803f" + "000000c0",
      "hex",
    );
    expect(Buffer.from(canonicalTensorHeader(t))).to.deep.equal(expected.subarray(0, expected.length - 8));
    expect(Buffer.from(tensorDigest(t))).to.deep.equal(sha(expected));
  });

  it("scalars have rank 0, empty tensors hash only their header, names are UTF-8 bytes", () => {
    const s: Tensor = { name: "é", datatype: "BOOL", shape: [], data: new Uint8Array([1]) };
    expect(Buffer.from(tensorDigest(s))).to.deep.equal(sha(Buffer.from("02000000c3a90100000000" + "01", "hex")));
    const e: Tensor = { name: "e", datatype: "INT8", shape: [3, 0], data: new Int8Array(0) };
    expect(Buffer.from(tensorDigest(e))).to.deep.equal(sha(Buffer.from("0100000065" + "06" + "02000000" + "0300000000000000" + "0000000000000000", "hex")));
  });

  it("changes with name, datatype, shape and every bit of data", () => {
    const base = Buffer.from(tensorDigest(t)).toString("hex");
    const variants: Tensor[] = [
      { ...t, name: "y" },
      { ...t, datatype: "INT32", data: new Int32Array(new Float32Array([1, -2]).buffer) },
      { ...t, shape: [1, 2] },
      { ...t, shape: [2] },
      { ...t, data: new Float32Array([1, -2.0000002]) },
    ];
    const seen = new Set([base]);
    for (const v of variants) seen.add(Buffer.from(tensorDigest(v)).toString("hex"));
    expect(seen.size).to.equal(variants.length + 1);
  });

  it("folds NaN payloads and -0 (what JSON cannot carry), and nothing else", () => {
    const f32 = (...bits: number[]): Tensor => ({ name: "f", datatype: "FP32", shape: [bits.length], data: new Float32Array(new Uint32Array(bits).buffer) });
    const d = (x: Tensor) => Buffer.from(tensorDigest(x)).toString("hex");
    expect(d(f32(0x80000000, 0xffc00000, 0x7f800001))).to.equal(d(f32(0, 0x7fc00000, 0x7fc00000)));
    expect(d(f32(0x7f800000))).not.to.equal(d(f32(0xff800000))); // infinities keep their sign
    expect(d(f32(0x00000001))).not.to.equal(d(f32(0x80000001))); // so do subnormals
    const f16 = (...bits: number[]): Tensor => ({ name: "h", datatype: "FP16", shape: [bits.length], data: new Uint16Array(bits) });
    expect(d(f16(0x8000, 0xfc01))).to.equal(d(f16(0, 0x7e00)));
    expect(d(f16(0x8001))).not.to.equal(d(f16(0x0001)));
    const f64 = (...words: number[]): Tensor => ({ name: "d", datatype: "FP64", shape: [words.length / 2], data: new Float64Array(new Uint32Array(words).buffer) });
    expect(d(f64(0, 0x80000000, 1, 0x7ff00000, 0, 0xfff80000))).to.equal(d(f64(0, 0, 0, 0x7ff80000, 0, 0x7ff80000)));
    expect(d(f64(1, 0x80000000))).not.to.equal(d(f64(1, 0)));
    const i32: Tensor = { name: "f", datatype: "INT32", shape: [1], data: new Int32Array([-2147483648]) };
    expect(d(i32)).not.to.equal(d({ ...i32, data: new Int32Array([0]) })); // integers are never folded
    const original = f32(0x80000000);
    tensorDigest(original);
    expect((original.data as Float32Array)[0]).to.satisfy((x: number) => Object.is(x, -0)); // the tensor is not modified
  });

  it("survives the OIP JSON transport for random bits of every datatype", () => {
    const dts: Datatype[] = ["BOOL", "UINT8", "UINT16", "UINT32", "UINT64", "INT8", "INT16", "INT32", "INT64", "FP16", "FP32", "FP64"];
    const sizes = [1, 1, 2, 4, 8, 1, 2, 4, 8, 2, 4, 8];
    for (let round = 0; round < 20; round++) {
      dts.forEach((dt, k) => {
        const n = 1 + (round % 7) * 13;
        const bytes = randomBytes(n * sizes[k]);
        if (dt === "BOOL") for (let i = 0; i < n; i++) bytes[i] &= 1;
        if (dt === "FP16") for (let i = 0; i < n; i += 5) bytes.writeUInt16LE([0x8000, 0xfe01, 0x7c00][i % 3], 2 * i);
        if (dt === "FP32") for (let i = 0; i < n; i += 5) bytes.writeUInt32LE([0x80000000, 0xffc00001, 0x7f800000][i % 3], 4 * i);
        if (dt === "FP64") for (let i = 0; i < n; i += 5) bytes.writeUInt32LE([0x80000000, 0xfff00000, 0x7ff00000][i % 3], 8 * i + 4);
        const t = tensorFromBytes(`t${k}`, dt, [n], bytes);
        const back = decodeJsonTensor(JSON.parse(JSON.stringify(encodeJsonTensor(t))));
        expect(Buffer.from(tensorDigest(back)).toString("hex"), `${dt} round ${round}`).to.equal(Buffer.from(tensorDigest(t)).toString("hex"));
      });
    }
  });

  it("refuses malformed tensors", () => {
    expect(() => tensorDigest({ ...t, shape: [3] })).to.throw(TensorCodecError, /needs 3 element/);
  });

  describe("ioDigest", () => {
    const a: Tensor = { name: "a", datatype: "UINT8", shape: [1], data: new Uint8Array([1]) };
    const b: Tensor = { name: "b", datatype: "UINT8", shape: [1], data: new Uint8Array([2]) };
    const z: Tensor = { name: "Z", datatype: "UINT8", shape: [1], data: new Uint8Array([3]) };

    it("is sha256 over tensor digests sorted by UTF-8 name bytes", () => {
      const d = (x: Tensor) => Buffer.from(tensorDigest(x));
      const want = `0x${sha(d(z), d(a), d(b)).toString("hex")}`; // "Z" (0x5a) sorts before "a" (0x61)
      expect(ioDigest([a, b, z])).to.equal(want);
      expect(ioDigest([b, z, a])).to.equal(want);
    });

    it("sorts by UTF-8 bytes, not UTF-16 code units", () => {
      const hi: Tensor = { ...a, name: "\u{1F600}" }; // UTF-8 f0..., UTF-16 d83d...
      const mid: Tensor = { ...a, name: "\uFF21" }; // UTF-8 ef bc a1, UTF-16 ff21
      const d = (x: Tensor) => Buffer.from(tensorDigest(x));
      expect(ioDigest([hi, mid])).to.equal(`0x${sha(d(mid), d(hi)).toString("hex")}`);
    });

    it("refuses duplicate names and non-arrays", () => {
      expect(() => ioDigest([a, { ...b, name: "a" }])).to.throw(TensorCodecError, /two tensors are named "a"/);
      expect(() => ioDigest("x" as never)).to.throw(TensorCodecError, /array of tensors/);
    });
  });
});
