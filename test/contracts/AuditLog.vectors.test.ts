// The shared protocol vectors (test/vectors/receipts.json, batches.json, written by the protocol core) checked
// through the real AuditLog: struct hashes, digests, signers, and Merkle proofs of committed batches.
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { network } from "hardhat";
import type { ReceiptJson } from "../../client/index.js";

/** A vector receipt in the JSON wire form (the batch vectors leave the signature out). */
type VectorReceipt = Pick<ReceiptJson, "requestId" | "modelHash" | "inputDigest" | "outputDigest" | "node" | "seq" | "timestamp"> & {
  signature?: string;
};
interface ReceiptCase {
  receipt: VectorReceipt;
  structHash: string;
  digest: string;
}
interface ReceiptVectors {
  domain: { name: string; version: string; chainId: string; verifyingContract: string };
  domainSeparator: string;
  signer: { address: string };
  receipts: ReceiptCase[];
  edgeCases: ReceiptCase[];
}
interface BatchVectors {
  batches: {
    label: string;
    node: string;
    firstSeq: string;
    lastSeq: string;
    root: string;
    leaves: string[];
    proofs: { index: number; seq: string; leaf: string; proof: string[]; receipt: VectorReceipt }[];
  }[];
}

const readVectors = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), "utf8")) as T;
const receiptVectors = readVectors<ReceiptVectors>("receipts.json");
const batchVectors = readVectors<BatchVectors>("batches.json");

/** The Solidity tuple of a vector receipt (decimal strings to bigints, signature dropped). */
const toReceipt = (r: VectorReceipt) => ({
  requestId: r.requestId,
  modelHash: r.modelHash,
  inputDigest: r.inputDigest,
  outputDigest: r.outputDigest,
  node: r.node,
  seq: BigInt(r.seq),
  timestamp: BigInt(r.timestamp),
});

// A fresh chain whose very first transaction deploys the AuditLog at the vectors' verifyingContract
// (account #0, nonce 0); the authority follows at nonce 1, so its address is known in advance.
const { ethers } = await network.create();
const [deployer, node] = await ethers.getSigners();
const authorityAddress = ethers.getCreateAddress({ from: deployer.address, nonce: 1 });
const auditLog = await ethers.deployContract("AuditLog", [authorityAddress]);
const authority = await ethers.deployContract("OwnedNodeAuthority", [deployer.address]);
await (await authority.authorizeSigner(node.address)).wait();

describe("AuditLog against the shared vectors", () => {
  it("lives at the vectors' verifyingContract with the same domain", async () => {
    expect(await authority.getAddress()).to.equal(authorityAddress);
    expect(await auditLog.getAddress()).to.equal(receiptVectors.domain.verifyingContract);
    expect((await ethers.provider.getNetwork()).chainId).to.equal(BigInt(receiptVectors.domain.chainId));
    expect(await auditLog.domainSeparator()).to.equal(receiptVectors.domainSeparator);
    expect(node.address).to.equal(receiptVectors.signer.address);
  });

  it("computes every receipt's struct hash and digest, and recovers its signer", async () => {
    const cases = [...receiptVectors.receipts, ...receiptVectors.edgeCases];
    expect(cases.length).to.be.at.least(20);
    for (const c of cases) {
      const r = toReceipt(c.receipt);
      expect(await auditLog.hashReceipt(r)).to.equal(c.structHash);
      expect(await auditLog.receiptDigest(r)).to.equal(c.digest);
      expect(await auditLog.recoverReceiptSigner(r, c.receipt.signature!)).to.equal(receiptVectors.signer.address);
      expect(await auditLog.isValidReceiptSignature(r, c.receipt.signature!)).to.equal(
        r.node.toLowerCase() === receiptVectors.signer.address.toLowerCase(),
      );
    }
  });

  it("commits the vector batches and verifies every given proof on-chain", async () => {
    expect(batchVectors.batches.map((b) => b.leaves.length)).to.include.members([1, 2, 3, 1000]);
    for (const [i, b] of batchVectors.batches.entries()) {
      expect(b.node).to.equal(node.address);
      await expect(auditLog.connect(node).commitBatch(b.root, BigInt(b.firstSeq), BigInt(b.lastSeq)))
        .to.emit(auditLog, "BatchCommitted")
        .withArgs(node.address, BigInt(i), b.root, BigInt(b.firstSeq), BigInt(b.lastSeq));
      expect((await auditLog.batchAt(node.address, i)).root).to.equal(await auditLog.rootCommitment(b.root));
    }
    for (const b of batchVectors.batches) {
      for (const p of b.proofs) {
        const r = toReceipt(p.receipt);
        expect(await auditLog.hashReceipt(r)).to.equal(p.leaf);
        expect(b.leaves[p.index]).to.equal(p.leaf);
        expect(await auditLog.verifyReceipt(r, p.proof)).to.equal(true);
        const [found, , batch] = await auditLog.findBatch(node.address, r.seq);
        expect([found, batch.firstSeq, batch.lastSeq]).to.deep.equal([true, BigInt(b.firstSeq), BigInt(b.lastSeq)]);
        // The same receipt with any other proof, or altered, is not accepted.
        expect(await auditLog.verifyReceipt({ ...r, timestamp: r.timestamp + 1n }, p.proof)).to.equal(false);
      }
    }
  });
});
