// The committed shared vectors (test/vectors/*.json) are up to date and the protocol core reproduces them.
import { expect } from "chai";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildBatchTree,
  createReceiptSigner,
  decodeJsonTensor,
  hashReceipt,
  ioDigest,
  receiptDigest,
  receiptDomainSeparator,
  receiptFromJson,
  RECEIPT_TYPEHASH,
  recoverReceiptSigner,
  tensorDigest,
  tensorFromBytes,
  tensorToBytes,
  verifyBatchProof,
  verifyReceiptSignature,
  type Hex,
  type ReceiptDomain,
  type Tensor,
} from "../../client/index.js";
import { buildVectors, VECTORS_DIR } from "../../scripts/writeVectors.js";

const load = (name: string) => JSON.parse(readFileSync(join(VECTORS_DIR, `${name}.json`), "utf8"));
const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;

describe("protocol vectors", () => {
  const tensors = load("tensors");
  const receipts = load("receipts");
  const batches = load("batches");
  const domain: ReceiptDomain = { chainId: BigInt(receipts.domain.chainId), verifyingContract: receipts.domain.verifyingContract };

  it("match what scripts/writeVectors.ts generates (run `npm run vectors` after a protocol change)", async () => {
    const fresh = JSON.parse(JSON.stringify(await buildVectors()));
    expect(fresh.tensors).to.deep.equal(tensors);
    expect(fresh.receipts).to.deep.equal(receipts);
    expect(fresh.batches).to.deep.equal(batches);
  });

  it("cover every datatype, a scalar and empty tensors", () => {
    const dts = new Set(tensors.tensors.map((t: { datatype: string }) => t.datatype));
    expect([...dts].sort()).to.deep.equal(Object.keys(tensors.datatypeCodes).sort());
    expect(tensors.tensors.some((t: { shape: number[] }) => t.shape.length === 0)).to.equal(true);
    expect(tensors.tensors.some((t: { shape: number[] }) => t.shape.includes(0))).to.equal(true);
  });

  it("tensors: JSON decodes to the raw bytes, raw bytes give the digest", () => {
    for (const v of tensors.tensors) {
      const fromJson = decodeJsonTensor(v.json);
      if (v.jsonKeepsRawBytes) expect(hex(tensorToBytes(fromJson)), v.name).to.equal(v.rawHex);
      else expect(hex(tensorToBytes(fromJson)), v.name).not.to.equal(v.rawHex);
      const fromRaw = tensorFromBytes(v.name, v.datatype, v.shape, Buffer.from(v.rawHex.slice(2), "hex"));
      expect(hex(tensorDigest(fromRaw)), v.name).to.equal(v.digest);
      expect(hex(tensorDigest(fromJson)), v.name).to.equal(v.digest);
      const sha = `0x${createHash("sha256").update(Buffer.from(v.canonicalHex.slice(2), "hex")).digest("hex")}`;
      expect(sha, v.name).to.equal(v.digest);
    }
  });

  it("io digests are order independent and match", () => {
    const byName = new Map<string, Tensor>(tensors.tensors.map((v: { name: string; json: never }) => [v.name, decodeJsonTensor(v.json)]));
    for (const s of tensors.ioDigests) {
      const ts = s.tensors.map((n: string) => byName.get(n) as Tensor);
      expect(ioDigest(ts)).to.equal(s.digest);
      expect(ioDigest([...ts].reverse())).to.equal(s.digest);
    }
  });

  it("receipts: struct hash, digest, signature and signer", () => {
    expect(RECEIPT_TYPEHASH).to.equal(receipts.typeHash);
    expect(receiptDomainSeparator(domain)).to.equal(receipts.domainSeparator);
    const signer = createReceiptSigner({ privateKey: receipts.signer.privateKey, domain });
    expect(signer.address).to.equal(receipts.signer.address);
    const all = [...receipts.receipts, ...receipts.edgeCases];
    expect(receipts.receipts.length).to.be.greaterThanOrEqual(20);
    for (const v of all) {
      const r = receiptFromJson(v.receipt);
      expect(hashReceipt(r)).to.equal(v.structHash);
      expect(receiptDigest(r, domain)).to.equal(v.digest);
      expect(signer.sign({ ...r, node: undefined }).signature).to.equal(v.receipt.signature);
      expect(recoverReceiptSigner(r, domain)).to.equal(receipts.signer.address);
      expect(verifyReceiptSignature(r, domain)).to.equal(true);
    }
  });

  it("batches: roots and proofs", () => {
    expect(batches.batches.map((b: { leaves: Hex[] }) => b.leaves.length)).to.deep.equal([1, 2, 3, 1000]);
    for (const b of batches.batches) {
      const tree = buildBatchTree(b.leaves);
      expect(tree.root, b.label).to.equal(b.root);
      for (const p of b.proofs) {
        expect(tree.getProof(p.index)).to.deep.equal(p.proof);
        expect(verifyBatchProof(p.leaf, p.proof, b.root)).to.equal(true);
        expect(hashReceipt(receiptFromJson({ ...p.receipt, signature: `0x${"00".repeat(65)}` }))).to.equal(p.leaf);
      }
    }
    const one = batches.batches[0];
    expect(one.root).to.equal(one.leaves[0]);
    expect(one.proofs[0].proof).to.deep.equal([]);
  });
});
