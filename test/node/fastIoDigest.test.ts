// fastIoDigest (the receipt hot path) must give exactly ioDigest's bytes for every tensor set, and its errors.
import { expect } from "chai";
import { ioDigest, type Tensor } from "../../client/index.js";
import { fastIoDigest } from "../../node/receipts/fastIoDigest.js";
import { deriveRequestId } from "../../node/receipts/deriveRequestId.js";
import { createHash } from "node:crypto";
import type { Hex } from "../../client/index.js";
import { packTensors } from "../../node/store/packTensors.js";
import { unpackTensors } from "../../node/store/unpackTensors.js";
import { mulberry32 } from "../../node/util/mulberry32.js";

function randomTensor(r: () => number, name: string): Tensor {
  const shape = Array.from({ length: Math.floor(r() * 3) }, () => Math.floor(r() * 4));
  const n = shape.reduce((a, b) => a * b, 1);
  const kind = Math.floor(r() * 8);
  const special = r() < 0.3;
  switch (kind) {
    case 0: {
      const d = new Float32Array(n).map(() => r() * 2 - 1);
      if (special && n > 0) d[Math.floor(r() * n)] = [NaN, -0, Infinity][Math.floor(r() * 3)];
      return { name, datatype: "FP32", shape, data: d };
    }
    case 1: {
      const d = new Float64Array(n).map(() => r() * 100);
      if (special && n > 0) d[Math.floor(r() * n)] = [NaN, -0][Math.floor(r() * 2)];
      return { name, datatype: "FP64", shape, data: d };
    }
    case 2: {
      const d = new Uint16Array(n).map(() => Math.floor(r() * 65536));
      if (special && n > 0) d[Math.floor(r() * n)] = [0x8000, 0x7e01, 0xfe00][Math.floor(r() * 3)];
      return { name, datatype: "FP16", shape, data: d };
    }
    case 3:
      return { name, datatype: "INT64", shape, data: new BigInt64Array(n).map(() => BigInt(Math.floor(r() * 1e9) - 5e8)) };
    case 4:
      return { name, datatype: "BOOL", shape, data: new Uint8Array(n).map(() => (r() < 0.5 ? 1 : 0)) };
    case 5:
      return { name, datatype: "INT8", shape, data: new Int8Array(n).map(() => Math.floor(r() * 256) - 128) };
    case 6:
      return { name, datatype: "UINT32", shape, data: new Uint32Array(n).map(() => Math.floor(r() * 2 ** 32)) };
    default: {
      // a view into a larger buffer at an offset
      const big = new Float32Array(n + 3).map(() => r());
      return { name, datatype: "FP32", shape, data: big.subarray(2, 2 + n) };
    }
  }
}

describe("node fastIoDigest", function () {
  it("equals ioDigest on thousands of random tensor sets (NaN, -0, FP16, views, unicode names, 0-d and empty)", () => {
    const r = mulberry32(7);
    const names = ["x", "input", "state", "sr", "é", "z", "\u{1F600}", "Ω", "a b"];
    for (let i = 0; i < 3000; i++) {
      const k = Math.floor(r() * 4);
      const picked = new Set<string>();
      while (picked.size < k) picked.add(names[Math.floor(r() * names.length)]);
      const tensors = [...picked].map((n) => randomTensor(r, n));
      expect(fastIoDigest(tensors), `case ${i}`).to.equal(ioDigest(tensors));
      expect(fastIoDigest(tensors), `case ${i} again (cached header)`).to.equal(ioDigest(tensors));
    }
  });

  it("equals ioDigest around the one-shot size limit (16 KiB of header and data) and for large tensors", () => {
    const r = mulberry32(9);
    for (const n of [4090, 4091, 4092, 4096, 100_000]) {
      const tensors: Tensor[] = [
        { name: "x", datatype: "FP32", shape: [n], data: new Float32Array(n).map(() => r()) },
        { name: "y", datatype: "UINT8", shape: [1, n], data: new Uint8Array(n).map(() => Math.floor(r() * 256)) },
      ];
      expect(fastIoDigest([tensors[0]]), `FP32 ${n}`).to.equal(ioDigest([tensors[0]]));
      expect(fastIoDigest(tensors), `FP32 + UINT8 ${n}`).to.equal(ioDigest(tensors));
    }
  });

  it("throws ioDigest's errors: duplicate names, malformed tensors", () => {
    const t: Tensor = { name: "x", datatype: "FP32", shape: [2], data: new Float32Array([1, 2]) };
    expect(() => fastIoDigest([t, { ...t }])).to.throw(/two tensors are named/);
    expect(() => fastIoDigest([{ ...t, shape: [3] }])).to.throw(/needs 3 element/);
    expect(() => fastIoDigest([{ ...t, data: new Int32Array(2) } as unknown as Tensor])).to.throw(/Float32Array/);
  });

  it("deriveRequestId is sha256(node ‖ seq BE ‖ utf8(id)) for changing nodes and ids", () => {
    for (const [node, seq, id] of [
      ["0x00000000000000000000000000000000000000aa", 1n, "r-1"],
      ["0x1111111111111111111111111111111111111111", 2n ** 40n, undefined],
      ["0x00000000000000000000000000000000000000aa", 3n, "é"],
    ] as [Hex, bigint, string | undefined][]) {
      const seqBytes = Buffer.alloc(8);
      seqBytes.writeBigUInt64BE(seq);
      const want = createHash("sha256").update(Buffer.from(node.slice(2), "hex")).update(seqBytes).update(id ?? "", "utf8").digest("hex");
      expect(deriveRequestId(node, seq, id)).to.equal(`0x${want}`);
    }
  });

  it("packTensors (cached headers) round-trips random tensor sets through unpackTensors", () => {
    const r = mulberry32(11);
    for (let i = 0; i < 500; i++) {
      const names = ["a|1", "a", "b,2", "é"].filter(() => r() < 0.6);
      const tensors = names.map((n) => randomTensor(r, n));
      for (let k = 0; k < 2; k++) expect(unpackTensors(Buffer.concat(packTensors(tensors))), `case ${i}`).to.deep.equal(tensors.map((t) => ({ ...t, data: t.data.slice() })));
    }
  });
});
