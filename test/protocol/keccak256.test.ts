// The WebAssembly keccak256 of the hot paths equals @noble/hashes' keccak_256 at every length around the block size.
import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { keccak256 } from "../../client/protocol/internal/keccak256.js";

describe("keccak256 (internal fast path)", () => {
  it("known answers", () => {
    expect(Buffer.from(keccak256(new Uint8Array(0))).toString("hex")).to.equal("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    expect(Buffer.from(keccak256(Buffer.from("abc"))).toString("hex")).to.equal("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  });
  it("equals @noble/hashes for lengths 0..700 and a few large inputs", () => {
    const lens = [...Array.from({ length: 701 }, (_, i) => i), 4096, 64_871, 64_872, 64_873, 100_003, 129_744, 129_745, 1_000_000];
    for (const n of lens) {
      const d = randomBytes(n);
      if (Buffer.compare(Buffer.from(keccak256(d)), Buffer.from(keccak_256(d))) !== 0) expect.fail(`length ${n} differs`);
    }
  });
  it("does not depend on the input's offset in its buffer", () => {
    const big = randomBytes(300);
    expect(Buffer.from(keccak256(big.subarray(3, 259)))).to.deep.equal(Buffer.from(keccak_256(Uint8Array.from(big.subarray(3, 259)))));
  });
});
