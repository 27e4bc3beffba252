// AuditLog: batch commits (authorisation, contiguity), lookups, receipt hashing/signatures and Merkle inclusion.
import { expect } from "chai";
import { network } from "hardhat";
import type { TypedDataDomain, Wallet } from "ethers";
import { buildBatchTree, createReceiptSigner, hashReceipt, RECEIPT_TYPES, type BatchTree, type Hex } from "../../client/index.js";

const { ethers, networkHelpers } = await network.create();

const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

interface Receipt {
  requestId: Hex;
  modelHash: Hex;
  inputDigest: Hex;
  outputDigest: Hex;
  node: Hex;
  seq: bigint;
  timestamp: bigint;
}

const id = (text: string) => ethers.id(text) as Hex;

function makeReceipt(node: string, seq: bigint): Receipt {
  return {
    requestId: id(`request-${node}-${seq}`),
    modelHash: id("model.onnx"),
    inputDigest: id(`input-${seq}`),
    outputDigest: id(`output-${seq}`),
    node: node as Hex,
    seq,
    timestamp: 1_750_000_000n + seq,
  };
}

async function deployAuditLogFixture() {
  const [owner, stranger] = await ethers.getSigners();
  const node = ethers.Wallet.createRandom().connect(ethers.provider) as unknown as Wallet;
  const otherNode = ethers.Wallet.createRandom().connect(ethers.provider) as unknown as Wallet;
  for (const w of [node, otherNode]) {
    await owner.sendTransaction({ to: w.address, value: ethers.parseEther("10") });
  }
  const authority = await ethers.deployContract("OwnedNodeAuthority", [owner.address]);
  const auditLog = await ethers.deployContract("AuditLog", [await authority.getAddress()]);
  await authority.authorizeSigner(node.address);
  await authority.authorizeSigner(otherNode.address);
  const { chainId } = await ethers.provider.getNetwork();
  const domain: TypedDataDomain = {
    name: "Veritensor",
    version: "1",
    chainId,
    verifyingContract: await auditLog.getAddress(),
  };
  return { owner, stranger, node, otherNode, authority, auditLog, domain };
}

/** Commits consecutive batches of receipts for `node` from seq 1, trees built by the protocol core. */
async function commitBatchesFixture() {
  const f = await deployAuditLogFixture();
  const sizes = [3, 1, 5, 2];
  const batches: { receipts: Receipt[]; tree: BatchTree; first: bigint; last: bigint }[] = [];
  let seq = 1n;
  for (const size of sizes) {
    const receipts = Array.from({ length: size }, (_, i) => makeReceipt(f.node.address, seq + BigInt(i)));
    const tree = buildBatchTree(receipts.map(hashReceipt));
    await f.auditLog.connect(f.node).commitBatch(tree.root, seq, seq + BigInt(size) - 1n);
    batches.push({ receipts, tree, first: seq, last: seq + BigInt(size) - 1n });
    seq += BigInt(size);
  }
  return { ...f, batches };
}

describe("AuditLog", () => {
  describe("deployment", () => {
    it("stores the authority and exposes the EIP-712 domain", async () => {
      const { auditLog, authority, domain } = await networkHelpers.loadFixture(deployAuditLogFixture);
      expect(await auditLog.nodeAuthority()).to.equal(await authority.getAddress());
      expect(await auditLog.domainSeparator()).to.equal(ethers.TypedDataEncoder.hashDomain(domain));
      const d = await auditLog.eip712Domain();
      expect([d.name, d.version, d.chainId, d.verifyingContract]).to.deep.equal([
        "Veritensor",
        "1",
        domain.chainId,
        domain.verifyingContract,
      ]);
      expect(await auditLog.maxSeq()).to.equal(2n ** 48n - 1n);
    });

    it("rejects a zero authority", async () => {
      const { auditLog } = await networkHelpers.loadFixture(deployAuditLogFixture);
      await expect(ethers.deployContract("AuditLog", [ethers.ZeroAddress])).to.be.revertedWithCustomError(
        auditLog,
        "AuditLogZeroAuthority",
      );
    });
  });

  describe("commitBatch", () => {
    it("accepts a first batch starting at 0 and emits BatchCommitted", async () => {
      const { auditLog, node } = await networkHelpers.loadFixture(deployAuditLogFixture);
      const root = ethers.id("root-0");
      await expect(auditLog.connect(node).commitBatch(root, 0, 9))
        .to.emit(auditLog, "BatchCommitted")
        .withArgs(node.address, 0n, root, 0n, 9n);
      const ts = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
      expect(await auditLog.batchCount(node.address)).to.equal(1n);
      expect(await auditLog.nextSeq(node.address)).to.equal(10n);
      const b = await auditLog.batchAt(node.address, 0);
      expect([b.root, b.firstSeq, b.lastSeq, b.committedAt]).to.deep.equal([
        await auditLog.rootCommitment(root),
        0n,
        9n,
        ts,
      ]);
    });

    it("accepts a first batch starting at 1, then only contiguous ranges", async () => {
      const { auditLog, node } = await networkHelpers.loadFixture(deployAuditLogFixture);
      await auditLog.connect(node).commitBatch(ethers.id("a"), 1, 1);
      await expect(auditLog.connect(node).commitBatch(ethers.id("b"), 2, 4096))
        .to.emit(auditLog, "BatchCommitted")
        .withArgs(node.address, 1n, ethers.id("b"), 2n, 4096n);
      expect(await auditLog.nextSeq(node.address)).to.equal(4097n);
      expect((await auditLog.batchAt(node.address, 0)).firstSeq).to.equal(1n);
      expect((await auditLog.batchAt(node.address, 1)).firstSeq).to.equal(2n);
    });

    it("reports 0 as nextSeq before the first batch", async () => {
      const { auditLog, node } = await networkHelpers.loadFixture(deployAuditLogFixture);
      expect(await auditLog.nextSeq(node.address)).to.equal(0n);
      expect(await auditLog.batchCount(node.address)).to.equal(0n);
    });

    it("rejects a first batch starting above 1", async () => {
      const { auditLog, node } = await networkHelpers.loadFixture(deployAuditLogFixture);
      await expect(auditLog.connect(node).commitBatch(ethers.id("r"), 2, 5))
        .to.be.revertedWithCustomError(auditLog, "AuditLogNonContiguousRange")
        .withArgs(node.address, 0n, 2n);
    });

    it("rejects gaps and overlaps", async () => {
      const { auditLog, node } = await networkHelpers.loadFixture(deployAuditLogFixture);
      await auditLog.connect(node).commitBatch(ethers.id("r0"), 0, 9);
      await expect(auditLog.connect(node).commitBatch(ethers.id("gap"), 11, 20))
        .to.be.revertedWithCustomError(auditLog, "AuditLogNonContiguousRange")
        .withArgs(node.address, 10n, 11n);
      await expect(auditLog.connect(node).commitBatch(ethers.id("overlap"), 9, 20))
        .to.be.revertedWithCustomError(auditLog, "AuditLogNonContiguousRange")
        .withArgs(node.address, 10n, 9n);
      await expect(auditLog.connect(node).commitBatch(ethers.id("restart"), 0, 3))
        .to.be.revertedWithCustomError(auditLog, "AuditLogNonContiguousRange")
        .withArgs(node.address, 10n, 0n);
    });

    it("rejects inverted ranges", async () => {
      const { auditLog, node } = await networkHelpers.loadFixture(deployAuditLogFixture);
      await expect(auditLog.connect(node).commitBatch(ethers.id("r"), 1, 0))
        .to.be.revertedWithCustomError(auditLog, "AuditLogInvalidRange")
        .withArgs(1n, 0n);
    });

    it("rejects a zero root and a root whose stored commitment is zero", async () => {
      const { auditLog, node } = await networkHelpers.loadFixture(deployAuditLogFixture);
      await expect(auditLog.connect(node).commitBatch(ethers.ZeroHash, 0, 0)).to.be.revertedWithCustomError(
        auditLog,
        "AuditLogZeroRoot",
      );
      const lowBitsOnly = ethers.toBeHex((1n << 80n) - 1n, 32);
      await expect(auditLog.connect(node).commitBatch(lowBitsOnly, 0, 0)).to.be.revertedWithCustomError(
        auditLog,
        "AuditLogZeroRoot",
      );
    });

    it("rejects seqs above maxSeq and accepts maxSeq itself", async () => {
      const { auditLog, node } = await networkHelpers.loadFixture(deployAuditLogFixture);
      const max = 2n ** 48n - 1n;
      await expect(auditLog.connect(node).commitBatch(ethers.id("r"), 0, max + 1n))
        .to.be.revertedWithCustomError(auditLog, "AuditLogSeqTooLarge")
        .withArgs(max + 1n, max);
      await auditLog.connect(node).commitBatch(ethers.id("r"), 0, max);
      expect(await auditLog.nextSeq(node.address)).to.equal(max + 1n);
      const [found, index] = await auditLog.findBatch(node.address, max);
      expect([found, index]).to.deep.equal([true, 0n]);
    });

    it("rejects callers the authority does not authorise, and revoked ones", async () => {
      const { auditLog, authority, owner, node, stranger } = await networkHelpers.loadFixture(deployAuditLogFixture);
      await expect(auditLog.connect(stranger).commitBatch(ethers.id("r"), 0, 0))
        .to.be.revertedWithCustomError(auditLog, "AuditLogUnauthorizedSigner")
        .withArgs(stranger.address);
      await authority.connect(owner).revokeSigner(node.address);
      await expect(auditLog.connect(node).commitBatch(ethers.id("r"), 0, 0))
        .to.be.revertedWithCustomError(auditLog, "AuditLogUnauthorizedSigner")
        .withArgs(node.address);
    });

    it("keeps each node's ranges independent", async () => {
      const { auditLog, node, otherNode } = await networkHelpers.loadFixture(deployAuditLogFixture);
      await auditLog.connect(node).commitBatch(ethers.id("n"), 0, 99);
      await expect(auditLog.connect(otherNode).commitBatch(ethers.id("o"), 1, 5))
        .to.emit(auditLog, "BatchCommitted")
        .withArgs(otherNode.address, 0n, ethers.id("o"), 1n, 5n);
      expect(await auditLog.nextSeq(node.address)).to.equal(100n);
      expect(await auditLog.nextSeq(otherNode.address)).to.equal(6n);
    });
  });

  describe("lookups", () => {
    it("finds the batch covering every committed seq, and nothing outside", async () => {
      const { auditLog, node, batches } = await networkHelpers.loadFixture(commitBatchesFixture);
      for (const [i, b] of batches.entries()) {
        for (let s = b.first; s <= b.last; s++) {
          const [found, index, batch] = await auditLog.findBatch(node.address, s);
          expect([found, index, batch.firstSeq, batch.lastSeq]).to.deep.equal([true, BigInt(i), b.first, b.last]);
          expect(batch.root).to.equal(await auditLog.rootCommitment(b.tree.root));
          const [index2] = await auditLog.batchOf(node.address, s);
          expect(index2).to.equal(BigInt(i));
        }
      }
      for (const s of [0n, batches.at(-1)!.last + 1n, 2n ** 64n - 1n]) {
        const [found, index, batch] = await auditLog.findBatch(node.address, s);
        expect([found, index, batch.root, batch.lastSeq]).to.deep.equal([false, 0n, ethers.ZeroHash, 0n]);
        await expect(auditLog.batchOf(node.address, s))
          .to.be.revertedWithCustomError(auditLog, "AuditLogSeqNotCommitted")
          .withArgs(node.address, s);
      }
    });

    it("agrees with a reference model over random batch sizes (seed pinned)", async () => {
      const { auditLog, node } = await networkHelpers.loadFixture(deployAuditLogFixture);
      let state = 0x5eed_1234;
      const rand = (n: number) => {
        state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
        return state % n;
      };
      const ranges: [bigint, bigint][] = [];
      let seq = BigInt(rand(2));
      for (let i = 0; i < 40; i++) {
        const size = BigInt(1 + (rand(4) === 0 ? rand(5000) : rand(8)));
        await auditLog.connect(node).commitBatch(id(`rand-${i}`), seq, seq + size - 1n);
        ranges.push([seq, seq + size - 1n]);
        seq += size;
      }
      const probes = ranges.flatMap(([a, b]) => [a, b, a + BigInt(rand(Number(b - a) + 1))]);
      probes.push(seq, seq + 1000n);
      if (ranges[0][0] > 0n) probes.push(ranges[0][0] - 1n);
      for (const p of probes) {
        const expected = ranges.findIndex(([a, b]) => a <= p && p <= b);
        const [found, index, batch] = await auditLog.findBatch(node.address, p);
        expect(found, `seq ${p}`).to.equal(expected >= 0);
        if (expected >= 0) {
          expect([index, batch.firstSeq, batch.lastSeq]).to.deep.equal([BigInt(expected), ...ranges[expected]]);
          const at = await auditLog.batchAt(node.address, expected);
          expect([at.firstSeq, at.lastSeq]).to.deep.equal(ranges[expected]);
        }
      }
    });

    it("finds nothing for a node without batches", async () => {
      const { auditLog, otherNode } = await networkHelpers.loadFixture(commitBatchesFixture);
      expect((await auditLog.findBatch(otherNode.address, 0))[0]).to.equal(false);
    });

    it("reverts batchAt out of range", async () => {
      const { auditLog, node, batches } = await networkHelpers.loadFixture(commitBatchesFixture);
      await expect(auditLog.batchAt(node.address, batches.length))
        .to.be.revertedWithCustomError(auditLog, "AuditLogBatchOutOfRange")
        .withArgs(node.address, BigInt(batches.length), BigInt(batches.length));
    });
  });

  describe("receipts", () => {
    it("hashes and digests receipts exactly like ethers' TypedDataEncoder", async () => {
      const { auditLog, node, domain } = await networkHelpers.loadFixture(deployAuditLogFixture);
      const r = makeReceipt(node.address, 42n);
      expect(await auditLog.hashReceipt(r)).to.equal(ethers.TypedDataEncoder.hashStruct("Receipt", RECEIPT_TYPES, r));
      expect(await auditLog.receiptDigest(r)).to.equal(ethers.TypedDataEncoder.hash(domain, RECEIPT_TYPES, r));
    });

    it("recovers the signer and validates the signature against receipt.node", async () => {
      const { auditLog, node, otherNode, domain } = await networkHelpers.loadFixture(deployAuditLogFixture);
      const r = makeReceipt(node.address, 7n);
      const sig = await node.signTypedData(domain, RECEIPT_TYPES, r);
      expect(await auditLog.recoverReceiptSigner(r, sig)).to.equal(node.address);
      expect(await auditLog.isValidReceiptSignature(r, sig)).to.equal(true);
      const fast = createReceiptSigner({
        privateKey: node.privateKey as Hex,
        domain: { chainId: BigInt(domain.chainId!), verifyingContract: domain.verifyingContract as Hex },
      }).sign({ ...r });
      expect(await auditLog.recoverReceiptSigner(r, fast.signature)).to.equal(node.address);
      expect(await auditLog.isValidReceiptSignature(r, fast.signature)).to.equal(true);
      const forged = await otherNode.signTypedData(domain, RECEIPT_TYPES, r);
      expect(await auditLog.recoverReceiptSigner(r, forged)).to.equal(otherNode.address);
      expect(await auditLog.isValidReceiptSignature(r, forged)).to.equal(false);
      expect(await auditLog.isValidReceiptSignature({ ...r, seq: 8n }, sig)).to.equal(false);
    });

    it("rejects malformed signatures with clear errors (and isValid says false)", async () => {
      const { auditLog, node, domain } = await networkHelpers.loadFixture(deployAuditLogFixture);
      const r = makeReceipt(node.address, 1n);
      const sig = ethers.Signature.from(await node.signTypedData(domain, RECEIPT_TYPES, r));
      const short = ethers.concat([sig.r, sig.s]);
      await expect(auditLog.recoverReceiptSigner(r, short))
        .to.be.revertedWithCustomError(auditLog, "AuditLogInvalidSignatureLength")
        .withArgs(64n);
      const highS = ethers.toBeHex(SECP256K1_N - BigInt(sig.s), 32);
      const malleable = ethers.concat([sig.r, highS, ethers.toBeHex(sig.v === 27 ? 28 : 27, 1)]);
      await expect(auditLog.recoverReceiptSigner(r, malleable))
        .to.be.revertedWithCustomError(auditLog, "AuditLogInvalidSignatureS")
        .withArgs(highS);
      const badV = ethers.concat([sig.r, sig.s, "0x05"]);
      await expect(auditLog.recoverReceiptSigner(r, badV)).to.be.revertedWithCustomError(
        auditLog,
        "AuditLogInvalidSignature",
      );
      for (const bad of [short, malleable, badV, "0x"]) {
        expect(await auditLog.isValidReceiptSignature(r, bad)).to.equal(false);
      }
    });

    it("verifies every receipt of every committed batch with its proof", async () => {
      const { auditLog, batches } = await networkHelpers.loadFixture(commitBatchesFixture);
      for (const b of batches) {
        for (const [i, r] of b.receipts.entries()) {
          const proof = b.tree.getProof(i);
          expect(await auditLog.verifyReceipt(r, proof)).to.equal(true);
        }
      }
    });

    it("rejects altered receipts, wrong proofs and uncommitted seqs", async () => {
      const { auditLog, node, otherNode, batches } = await networkHelpers.loadFixture(commitBatchesFixture);
      const b = batches[0];
      const r = b.receipts[1];
      const proof = b.tree.getProof(1);
      expect(await auditLog.verifyReceipt({ ...r, outputDigest: id("other output") }, proof)).to.equal(false);
      expect(await auditLog.verifyReceipt(r, b.tree.getProof(0))).to.equal(false);
      expect(await auditLog.verifyReceipt(r, [])).to.equal(false);
      // Same receipt claimed under another seq: the batch covering that seq does not contain it.
      expect(await auditLog.verifyReceipt({ ...r, seq: batches[2].first }, proof)).to.equal(false);
      expect(await auditLog.verifyReceipt({ ...r, node: otherNode.address as Hex }, proof)).to.equal(false);
      const uncommitted = makeReceipt(node.address, batches.at(-1)!.last + 1n);
      expect(await auditLog.verifyReceipt(uncommitted, [])).to.equal(false);
      // A single-receipt batch: root = leaf, empty proof.
      const single = batches[1];
      expect(await auditLog.verifyReceipt(single.receipts[0], [])).to.equal(true);
    });
  });
});
