// Receipts: the fast path equals ethers byte for byte; recover, verify, malformed signatures, JSON wire form.
import { expect } from "chai";
import { Signature, TypedDataEncoder, Wallet, hexlify, randomBytes } from "ethers";
import {
  ReceiptFormatError,
  ReceiptSignatureError,
  ReceiptSignatureMismatchError,
  RECEIPT_TYPES,
  assertReceiptSignature,
  createReceiptSigner,
  hashReceipt,
  receiptDigest,
  receiptDomainSeparator,
  receiptFromJson,
  receiptToJson,
  receiptTypedData,
  recoverReceiptSigner,
  verifyReceiptSignature,
  type Hex,
  type Receipt,
  type ReceiptDomain,
  type SignedReceipt,
} from "../../client/index.js";

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const rand32 = () => hexlify(randomBytes(32)) as Hex;
const randU64 = () => BigInt(hexlify(randomBytes(1 + (randomBytes(1)[0] % 8))));

describe("receipts", () => {
  const wallet = Wallet.createRandom();
  const other = Wallet.createRandom();
  const domain: ReceiptDomain = { chainId: 31337n, verifyingContract: hexlify(randomBytes(20)) as Hex };
  const signer = createReceiptSigner({ privateKey: wallet.privateKey as Hex, domain });
  const fields = () => ({ requestId: rand32(), modelHash: rand32(), inputDigest: rand32(), outputDigest: rand32(), seq: randU64(), timestamp: randU64() });

  it("derives the key's address", () => expect(signer.address).to.equal(wallet.address));

  it("hash, digest and signature equal ethers' TypedDataEncoder and Wallet.signTypedData on random receipts", async () => {
    const domains: ReceiptDomain[] = [domain, { chainId: 1n, verifyingContract: hexlify(randomBytes(20)) as Hex }, { chainId: 2n ** 255n + 7n, verifyingContract: hexlify(randomBytes(20)) as Hex }];
    for (const d of domains) {
      const s = createReceiptSigner({ privateKey: wallet.privateKey as Hex, domain: d });
      const td = receiptTypedData(d);
      expect(receiptDomainSeparator(d)).to.equal(TypedDataEncoder.hashDomain(td.domain));
      for (let i = 0; i < 40; i++) {
        const { receipt, leaf, digest } = s.signWithLeaf(fields());
        expect(leaf).to.equal(TypedDataEncoder.hashStruct("Receipt", RECEIPT_TYPES, receipt));
        expect(hashReceipt(receipt)).to.equal(leaf);
        expect(digest).to.equal(TypedDataEncoder.hash(td.domain, td.types, receipt));
        expect(receiptDigest(receipt, d)).to.equal(digest);
        expect(receipt.signature).to.equal(await wallet.signTypedData(td.domain, td.types, receipt));
        expect(receipt.node).to.equal(wallet.address);
      }
    }
  });

  it("uses v 27/28 and low s", () => {
    const vs = new Set<number>();
    for (let i = 0; i < 32; i++) {
      const sig = Buffer.from(signer.sign(fields()).signature.slice(2), "hex");
      vs.add(sig[64]);
      expect(BigInt(`0x${sig.subarray(32, 64).toString("hex")}`) <= N / 2n).to.equal(true);
    }
    expect([...vs].sort()).to.deep.equal([27, 28]);
  });

  it("recovers and verifies the node; rejects a wrong signer, domain or field", () => {
    const r = signer.sign(fields());
    expect(recoverReceiptSigner(r, domain)).to.equal(wallet.address);
    expect(verifyReceiptSignature(r, domain)).to.equal(true);
    expect(verifyReceiptSignature(r, domain, wallet.address.toLowerCase() as Hex)).to.equal(true);
    expect(verifyReceiptSignature(r, domain, other.address as Hex)).to.equal(false);
    expect(verifyReceiptSignature({ ...r, node: other.address as Hex }, domain)).to.equal(false);
    expect(verifyReceiptSignature(r, { ...domain, chainId: 1n })).to.equal(false);
    expect(verifyReceiptSignature({ ...r, seq: r.seq + 1n }, domain)).to.equal(false);
    expect(verifyReceiptSignature({ ...r, outputDigest: rand32() }, domain)).to.equal(false);
  });

  it("assertReceiptSignature returns the signer or says who signed instead", () => {
    const r = signer.sign(fields());
    expect(assertReceiptSignature(r, domain)).to.equal(wallet.address);
    expect(assertReceiptSignature({ ...r, node: r.node.toLowerCase() as Hex }, domain)).to.equal(wallet.address);
    let err: unknown;
    try {
      assertReceiptSignature(r, domain, other.address as Hex);
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(ReceiptSignatureMismatchError);
    expect((err as ReceiptSignatureMismatchError).recovered).to.equal(wallet.address);
    expect((err as ReceiptSignatureMismatchError).expected).to.equal(other.address);
    expect((err as Error).message).to.match(/receipt signed by 0x[0-9a-fA-F]{40}, expected 0x[0-9a-fA-F]{40}\nDetails: .*domain/);
    expect(() => assertReceiptSignature({ ...r, signature: "0x00" }, domain)).to.throw(ReceiptSignatureError);
    expect(() => assertReceiptSignature(r, domain, "0x12" as Hex)).to.throw(ReceiptFormatError, /expectedSigner/);
  });

  it("a receipt signed by another key claiming this node fails verification", async () => {
    const forged = { ...fields(), node: wallet.address as Hex };
    const td = receiptTypedData(domain);
    const signature = (await other.signTypedData(td.domain, td.types, forged)) as Hex;
    expect(recoverReceiptSigner({ ...forged, signature }, domain)).to.equal(other.address);
    expect(verifyReceiptSignature({ ...forged, signature }, domain)).to.equal(false);
  });

  describe("malformed signatures (OpenZeppelin ECDSA rules)", () => {
    const r = signer.sign(fields());
    const sig = Buffer.from(r.signature.slice(2), "hex");
    const withSig = (b: Buffer | string): SignedReceipt => ({ ...r, signature: (Buffer.isBuffer(b) ? `0x${b.toString("hex")}` : b) as Hex });
    const flipS = () => {
      const s = BigInt(`0x${sig.subarray(32, 64).toString("hex")}`);
      const b = Buffer.from(sig);
      Buffer.from((N - s).toString(16).padStart(64, "0"), "hex").copy(b, 32);
      b[64] = sig[64] === 27 ? 28 : 27;
      return b;
    };
    const cases: Array<[string, SignedReceipt, RegExp]> = [
      ["too short", withSig(sig.subarray(0, 64)), /65 bytes/],
      ["too long", withSig(Buffer.concat([sig, Buffer.from([0])])), /65 bytes/],
      ["not hex", withSig(`0x${"zz".repeat(65)}`), /65 bytes/],
      ["not a string", withSig(123 as unknown as string), /65 bytes/],
      ["v = 0", withSig(Buffer.concat([sig.subarray(0, 64), Buffer.from([0])])), /v is 0; it must be 27 or 28/],
      ["v = 29", withSig(Buffer.concat([sig.subarray(0, 64), Buffer.from([29])])), /v is 29/],
      ["high s (malleable twin)", withSig(flipS()), /upper half/],
      ["r = 0", withSig(Buffer.concat([Buffer.alloc(32), sig.subarray(32)])), /does not recover/],
      ["s = 0", withSig(Buffer.concat([sig.subarray(0, 32), Buffer.alloc(32), sig.subarray(64)])), /does not recover/],
      ["r >= n", withSig(Buffer.concat([Buffer.alloc(32, 0xff), sig.subarray(32)])), /does not recover/],
    ];
    for (const [what, bad, re] of cases) {
      it(`${what}: recover throws ReceiptSignatureError, verify returns false`, () => {
        expect(() => recoverReceiptSigner(bad, domain)).to.throw(ReceiptSignatureError, re);
        expect(verifyReceiptSignature(bad, domain)).to.equal(false);
      });
    }
    it("ethers refuses the high-s twin too", () => {
      expect(() => Signature.from(`0x${flipS().toString("hex")}`).s).to.throw(/non-canonical s/);
    });
  });

  describe("malformed receipts and keys", () => {
    const good = signer.sign(fields());
    const cases: Array<[string, Partial<Record<keyof SignedReceipt, unknown>>, RegExp]> = [
      ["short requestId", { requestId: "0x1234" }, /requestId must be 0x followed by 64 hex digits/],
      ["non-hex modelHash", { modelHash: `0x${"g".repeat(64)}` }, /modelHash must be 0x/],
      ["no 0x inputDigest", { inputDigest: "ab".repeat(33) }, /inputDigest must be 0x/],
      ["numeric outputDigest", { outputDigest: 5 }, /outputDigest must be 0x/],
      ["short node", { node: "0x1234" }, /node must be 0x followed by 40 hex digits/],
      ["number seq", { seq: 5 }, /seq must be a bigint[\s\S]*BigInt\(5\)/],
      ["negative seq", { seq: -1n }, /seq must be a bigint in \[0, 2\^64-1\], got -1n/],
      ["timestamp too big", { timestamp: 2n ** 64n }, /timestamp must be a bigint in \[0, 2\^64-1\]/],
    ];
    for (const [what, patch, re] of cases) {
      it(`${what} throws ReceiptFormatError`, () => {
        const bad = { ...good, ...patch } as SignedReceipt;
        expect(() => hashReceipt(bad)).to.throw(ReceiptFormatError, re);
        expect(() => verifyReceiptSignature(bad, domain)).to.throw(ReceiptFormatError, re);
        if (!("node" in patch)) expect(() => signer.sign(bad as Omit<Receipt, "node">)).to.throw(ReceiptFormatError, re);
      });
    }
    it("bad keys, domains and a foreign node", () => {
      expect(() => createReceiptSigner({ privateKey: "0x1234", domain })).to.throw(ReceiptFormatError, /privateKey/);
      expect(() => createReceiptSigner({ privateKey: `0x${"00".repeat(32)}`, domain })).to.throw(ReceiptFormatError, /outside/);
      expect(() => createReceiptSigner({ privateKey: `0x${N.toString(16)}`, domain })).to.throw(ReceiptFormatError, /outside/);
      expect(() => receiptDigest(good, { chainId: -1n, verifyingContract: domain.verifyingContract })).to.throw(ReceiptFormatError, /chainId/);
      expect(() => receiptDigest(good, { chainId: 1n, verifyingContract: "0x12" })).to.throw(ReceiptFormatError, /verifyingContract/);
      expect(() => signer.sign({ ...fields(), node: other.address as Hex })).to.throw(ReceiptFormatError, /is not this signer/);
      expect(signer.sign({ ...fields(), node: wallet.address.toLowerCase() as Hex }).node).to.equal(wallet.address);
      expect(() => hashReceipt(null as unknown as Receipt)).to.throw(ReceiptFormatError, /must be an object/);
    });
  });

  describe("JSON wire form", () => {
    it("round-trips with seq and timestamp as decimal strings", () => {
      const r = signer.sign({ ...fields(), seq: 2n ** 64n - 1n });
      const j = receiptToJson(r);
      expect(j.seq).to.equal("18446744073709551615");
      expect(typeof j.timestamp).to.equal("string");
      const back = receiptFromJson(JSON.parse(JSON.stringify(j)));
      expect(back).to.deep.equal(r);
      expect(receiptFromJson(JSON.stringify(j))).to.deep.equal(r);
      expect(verifyReceiptSignature(back, domain)).to.equal(true);
    });
    it("normalizes case: lower-case hex, EIP-55 node; accepts safe-integer numbers", () => {
      const r = signer.sign(fields());
      const j = { ...receiptToJson(r), requestId: r.requestId.toUpperCase().replace("0X", "0x"), node: r.node.toLowerCase(), seq: 12 };
      const back = receiptFromJson(j);
      expect(back.requestId).to.equal(r.requestId.toLowerCase());
      expect(back.node).to.equal(wallet.address);
      expect(back.seq).to.equal(12n);
    });
    it("names the bad field", () => {
      const j = receiptToJson(signer.sign(fields()));
      const badNode = j.node.slice(0, 2) + (j.node[2] === j.node[2].toLowerCase() ? j.node[2].toUpperCase() : j.node[2].toLowerCase()) + j.node.slice(3);
      const cases: Array<[unknown, RegExp]> = [
        [null, /must be a JSON object/],
        [[], /must be a JSON object/],
        ["{", /does not parse/],
        [{ ...j, seq: "1.5" }, /seq must be a decimal string/],
        [{ ...j, seq: "-1" }, /seq must be a decimal string/],
        [{ ...j, timestamp: "18446744073709551616" }, /timestamp must be a decimal string in \[0, 2\^64-1\]/],
        [{ ...j, timestamp: 2 ** 60 }, /timestamp must be a decimal string/],
        [{ ...j, signature: "0x00" }, /signature must be 0x followed by 130 hex digits/],
        [{ ...j, requestId: undefined }, /requestId must be 0x/],
      ];
      if (/[a-fA-F]/.test(j.node[2])) cases.push([{ ...j, node: badNode }, /wrong EIP-55 checksum/]);
      for (const [input, re] of cases) expect(() => receiptFromJson(input)).to.throw(ReceiptFormatError, re);
    });
  });
});
