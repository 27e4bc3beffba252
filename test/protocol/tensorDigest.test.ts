// Canonical tensor digest and io digest: the documented byte encoding, sensitivity, and errors.
import { expect } from "chai";
import { createHash } from "node:crypto";
import { TensorCodecError, canonicalTensorHeader, ioDigest, tensorDigest, type Tensor } from "../../client/index.js";

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
