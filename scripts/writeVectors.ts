// Writes the shared protocol vectors test/vectors/{tensors,receipts,batches}.json (npm run vectors).
//
// Deterministic: every value comes from a SHA-256 counter stream seeded with a fixed string, so a
// re-run writes identical files (test/protocol/vectors.test.ts checks that the committed files match).
// Receipts are hashed and signed with ethers (TypedDataEncoder, Wallet.signTypedData) and batches are
// built with merkletreejs: the references, independent of the fast paths in client/protocol, which
// must agree with them (checked here before writing, and again by the tests).
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { TypedDataEncoder, Wallet } from "ethers";
import { MerkleTree } from "merkletreejs";
import {
  DATATYPE_CODES,
  RECEIPT_TYPEHASH,
  RECEIPT_TYPES,
  RECEIPT_TYPE_STRING,
  buildBatchTree,
  canonicalTensorHeader,
  createReceiptSigner,
  decodeJsonTensor,
  encodeBytesElements,
  encodeJsonTensor,
  ioDigest,
  numberToFp16,
  receiptDomainSeparator,
  receiptToJson,
  receiptTypedData,
  tensorDigest,
  tensorToBytes,
  type Datatype,
  type Hex,
  type Receipt,
  type ReceiptDomain,
  type Tensor,
  type TensorData,
} from "../client/index.js";
import { canonicalFloatBytes } from "../client/protocol/internal/canonicalFloatBytes.js";

/** Hardhat's default account #1: the node signing key of the vectors (account #0 deploys). */
export const VECTOR_NODE_KEY: Hex = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
/** Chain 31337 and the first contract Hardhat's account #0 deploys (its nonce-0 CREATE address). */
export const VECTOR_DOMAIN: ReceiptDomain = { chainId: 31337n, verifyingContract: "0x5FbDB2315678afecb367f032d93F642f64180aa3" };

/** A deterministic byte stream: sha256(seed ‖ u32be(counter)) blocks. */
function stream(seed: string) {
  let counter = 0;
  let pool = Buffer.alloc(0);
  const bytes = (n: number): Buffer => {
    while (pool.length < n) {
      const c = Buffer.alloc(4);
      c.writeUInt32BE(counter++);
      pool = Buffer.concat([pool, createHash("sha256").update(seed).update(c).digest()]);
    }
    const out = pool.subarray(0, n);
    pool = pool.subarray(n);
    return Buffer.from(out);
  };
  return {
    bytes,
    hex32: (): Hex => `0x${bytes(32).toString("hex")}`,
    u32: (): number => bytes(4).readUInt32BE(0),
    unit: (): number => bytes(4).readUInt32BE(0) / 2 ** 32,
  };
}

function tensor(name: string, datatype: Datatype, shape: number[], data: TensorData): Tensor {
  return { name, datatype, shape, data };
}

/** The tensors of tensors.json: every datatype as a vector, a 2-D matrix, a scalar and empty tensors. */
export function vectorTensors(): Tensor[] {
  const r = stream("veritensor/vectors/tensors/v1");
  const f32 = new Float32Array([0, 1, -1.5, 3.4028234663852886e38, 1.401298464324817e-45, NaN, Infinity, -Infinity]);
  const f64 = new Float64Array([0, 1, -1.5, Number.MAX_VALUE, 5e-324, NaN, Infinity, -Infinity, Math.PI]);
  const f16 = new Uint16Array([0, 1, -2, 65504, -65504, 2 ** -24, 2 ** -14, 0.1, NaN, Infinity, -Infinity].map(numberToFp16));
  const matrix = Float32Array.from({ length: 6 }, () => Math.fround(r.unit() * 2 - 1));
  return [
    tensor("bool", "BOOL", [5], new Uint8Array([1, 0, 0, 1, 1])),
    tensor("uint8", "UINT8", [4], new Uint8Array([0, 1, 128, 255])),
    tensor("uint16", "UINT16", [4], new Uint16Array([0, 1, 32768, 65535])),
    tensor("uint32", "UINT32", [4], new Uint32Array([0, 1, 2 ** 31, 2 ** 32 - 1])),
    tensor("uint64", "UINT64", [4], new BigUint64Array([0n, 1n, 2n ** 53n - 1n, 2n ** 64n - 1n])),
    tensor("int8", "INT8", [4], new Int8Array([-128, -1, 0, 127])),
    tensor("int16", "INT16", [4], new Int16Array([-32768, -1, 0, 32767])),
    tensor("int32", "INT32", [4], new Int32Array([-(2 ** 31), -1, 0, 2 ** 31 - 1])),
    tensor("int64", "INT64", [5], new BigInt64Array([-(2n ** 63n), -(2n ** 53n) + 1n, -1n, 0n, 2n ** 63n - 1n])),
    tensor("fp16", "FP16", [f16.length], f16),
    tensor("fp32", "FP32", [f32.length], f32),
    tensor("fp64", "FP64", [f64.length], f64),
    tensor("bytes", "BYTES", [3], encodeBytesElements(["hello", "", "ünïcode ✓"])),
    tensor("matrix", "FP32", [2, 3], matrix),
    tensor("scalar_fp32", "FP32", [], new Float32Array([2.5])),
    tensor("scalar_int64", "INT64", [], new BigInt64Array([-7n])),
    tensor("scalar_bool", "BOOL", [], new Uint8Array([1])),
    tensor("scalar_bytes", "BYTES", [], encodeBytesElements(["x"])),
    tensor("empty_fp32", "FP32", [0], new Float32Array(0)),
    tensor("empty_int8_2x0", "INT8", [2, 0], new Int8Array(0)),
    tensor("empty_bytes", "BYTES", [0, 3], new Uint8Array(0)),
    tensor("名前", "UINT8", [1, 1, 2], new Uint8Array([7, 9])),
    // Bits JSON cannot carry (-0, NaN payloads): the digest folds them, so `json` decodes to other raw bytes with the same digest.
    tensor("fp32_specials", "FP32", [4], new Float32Array(new Uint32Array([0x80000000, 0xffc00000, 0x7f800001, 0x3f800000]).buffer)),
    tensor("fp64_specials", "FP64", [3], new Float64Array(new Uint32Array([0, 0x80000000, 1, 0x7ff00000, 0, 0xfff80000]).buffer)),
    tensor("fp16_specials", "FP16", [3], new Uint16Array([0x8000, 0xfe00, 0x7c01])),
  ];
}

/** tensors.json: each tensor's JSON form, raw bytes, canonical encoding and digest, plus io digests. */
export function buildTensorVectors() {
  const tensors = vectorTensors();
  const byName = new Map(tensors.map((t) => [t.name, t]));
  const ioSets = [["fp32"], ["matrix", "bool", "int64"], ["scalar_fp32", "empty_fp32", "bytes", "名前", "uint8"], []];
  return {
    description:
      "Canonical tensor encoding = u32le(byteLength(utf8(name))) || utf8(name) || u8(datatypeCode) || u32le(rank) || u64le(dim)* || little-endian row-major element bytes (BOOL 1 byte 0/1, FP16 half bits, BYTES per element u32le length + bytes; FP16/FP32/FP64 NaNs as the canonical quiet NaN and -0 as +0). digest = sha256(canonical). rawHex = the exact raw bytes (binary extension). jsonKeepsRawBytes false: JSON loses -0/NaN payloads, the digest does not change. ioDigest = sha256(concat of tensor digests sorted by name in UTF-8 byte order). json = encodeJsonTensor (64-bit ints beyond 2^53 and non-finite floats as strings).",
    datatypeCodes: DATATYPE_CODES,
    tensors: tensors.map((t) => {
      const raw = Buffer.from(tensorToBytes(t));
      return {
        name: t.name,
        datatype: t.datatype,
        shape: t.shape,
        json: encodeJsonTensor(t),
        rawHex: `0x${raw.toString("hex")}`,
        canonicalHex: `0x${Buffer.concat([canonicalTensorHeader(t), canonicalFloatBytes(t.datatype, raw)]).toString("hex")}`,
        jsonKeepsRawBytes: Buffer.compare(Buffer.from(tensorToBytes(decodeJsonTensor(JSON.parse(JSON.stringify(encodeJsonTensor(t)))))), raw) === 0,
        digest: `0x${Buffer.from(tensorDigest(t)).toString("hex")}`,
      };
    }),
    ioDigests: ioSets.map((names) => ({ tensors: names, digest: ioDigest(names.map((n) => byName.get(n) as Tensor)) })),
  };
}

/** The receipt fields (without node) of seq `seq`, from the stream. */
function receiptFields(r: ReturnType<typeof stream>, seq: bigint) {
  return { requestId: r.hex32(), modelHash: r.hex32(), inputDigest: r.hex32(), outputDigest: r.hex32(), seq, timestamp: 1_767_225_600n + BigInt(r.u32() % 100_000) };
}

/** All receipts of the vectors' node: seq 1..1006 (1..24 are signed in receipts.json, 7..1006 form batch "1000"). */
export function vectorReceipts(node: Hex): Receipt[] {
  const r = stream("veritensor/vectors/receipts/v1");
  const out: Receipt[] = [];
  for (let seq = 1n; seq <= 1006n; seq++) out.push({ ...receiptFields(r, seq), node });
  return out;
}

function receiptJson(rc: Receipt): Record<string, string> {
  return { requestId: rc.requestId, modelHash: rc.modelHash, inputDigest: rc.inputDigest, outputDigest: rc.outputDigest, node: rc.node, seq: rc.seq.toString(), timestamp: rc.timestamp.toString() };
}

/** receipts.json: 24 contiguous signed receipts plus edge cases, all through ethers, checked against the fast path. */
export async function buildReceiptVectors() {
  const wallet = new Wallet(VECTOR_NODE_KEY);
  const node = wallet.address as Hex;
  const { domain } = receiptTypedData(VECTOR_DOMAIN);
  const fast = createReceiptSigner({ privateKey: VECTOR_NODE_KEY, domain: VECTOR_DOMAIN });
  const zero = `0x${"00".repeat(32)}` as Hex;
  const ones = `0x${"ff".repeat(32)}` as Hex;
  const max = 2n ** 64n - 1n;
  const edge: Receipt[] = [
    { requestId: zero, modelHash: zero, inputDigest: zero, outputDigest: zero, node, seq: 0n, timestamp: 0n },
    { requestId: ones, modelHash: ones, inputDigest: ones, outputDigest: ones, node, seq: max, timestamp: max },
    { requestId: ones, modelHash: zero, inputDigest: ones, outputDigest: zero, node, seq: 2n ** 32n, timestamp: 2n ** 63n },
  ];
  const sign = async (rc: Receipt) => {
    const structHash = TypedDataEncoder.hashStruct("Receipt", RECEIPT_TYPES, rc);
    const digest = TypedDataEncoder.hash(domain, RECEIPT_TYPES, rc);
    const signature = await wallet.signTypedData(domain, RECEIPT_TYPES, rc);
    const mine = fast.signWithLeaf(rc);
    if (mine.leaf !== structHash || mine.digest !== digest || mine.receipt.signature !== signature) {
      throw new Error(`fast path disagrees with ethers on seq ${rc.seq}`);
    }
    return { receipt: { ...receiptJson(rc), signature }, structHash, digest };
  };
  const receipts = [];
  for (const rc of vectorReceipts(node).slice(0, 24)) receipts.push(await sign(rc));
  const edgeCases = [];
  for (const rc of edge) edgeCases.push(await sign(rc));
  const json = receiptToJson({ ...vectorReceipts(node)[0], signature: receipts[0].receipt.signature as Hex });
  return {
    description:
      "EIP-712 receipts signed by Hardhat account #1 (the node) under domain {name 'Veritensor', version '1', chainId 31337, verifyingContract 0x5FbDB2315678afecb367f032d93F642f64180aa3 = account #0's first deployment}. seq/timestamp are decimal strings. receipts: seq 1..24 contiguous; edgeCases: boundary values (not contiguous). Signatures are r||s||v (v 27/28), from ethers Wallet.signTypedData.",
    domain: { name: "Veritensor", version: "1", chainId: VECTOR_DOMAIN.chainId.toString(), verifyingContract: VECTOR_DOMAIN.verifyingContract },
    domainSeparator: TypedDataEncoder.hashDomain(domain),
    typeString: RECEIPT_TYPE_STRING,
    typeHash: RECEIPT_TYPEHASH,
    signer: { privateKey: VECTOR_NODE_KEY, address: node },
    wireExample: json,
    receipts,
    edgeCases,
  };
}

/** batches.json: batches of 1, 2, 3 and 1000 consecutive receipts (seq 1, 2-3, 4-6, 7-1006), via merkletreejs. */
export function buildBatchVectors() {
  const node = new Wallet(VECTOR_NODE_KEY).address as Hex;
  const all = vectorReceipts(node);
  const ranges: Array<[string, number, number]> = [["1", 1, 1], ["2", 2, 3], ["3", 4, 6], ["1000", 7, 1006]];
  const hashFn = (d: Buffer) => Buffer.from(keccak_256(d));
  const batches = ranges.map(([label, first, last]) => {
    const receipts = all.slice(first - 1, last);
    const leaves = receipts.map((rc) => TypedDataEncoder.hashStruct("Receipt", RECEIPT_TYPES, rc) as Hex);
    const tree = new MerkleTree(leaves, hashFn, { sortPairs: true });
    const root = tree.getHexRoot() as Hex;
    const fast = buildBatchTree(leaves);
    const n = leaves.length;
    const indexes = [...new Set(n <= 3 ? [...Array(n).keys()] : [0, 1, n >> 1, (n >> 1) + 1, n - 2, n - 1])];
    const proofs = indexes.map((i) => {
      const proof = tree.getHexProof(leaves[i], i) as Hex[];
      if (JSON.stringify(proof) !== JSON.stringify(fast.getProof(i))) throw new Error(`fast proof differs: batch ${label} index ${i}`);
      return { index: i, seq: receipts[i].seq.toString(), leaf: leaves[i], proof, receipt: receiptJson(receipts[i]) };
    });
    if (fast.root !== root) throw new Error(`fast root differs on batch ${label}`);
    return { label, node, firstSeq: String(first), lastSeq: String(last), root, leaves, proofs };
  });
  return {
    description:
      "Batches of Hardhat account #1's receipts (same generator as receipts.json: seq 1..24 there are the first receipts here) committed in order: seq 1, 2-3, 4-6, 7-1006. leaves = EIP-712 struct hashes in seq order (not re-hashed); tree = merkletreejs keccak256 {sortPairs: true} (odd node promoted, 1 leaf = root with empty proof), verifiable by OpenZeppelin MerkleProof. proofs include the receipt fields (without signature) for AuditLog.verifyReceipt.",
    batches,
  };
}

/** All three vector files, as objects. */
export async function buildVectors() {
  return { tensors: buildTensorVectors(), receipts: await buildReceiptVectors(), batches: buildBatchVectors() };
}

/** The directory the vector files live in. */
export const VECTORS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "test", "vectors");

async function main(): Promise<void> {
  const v = await buildVectors();
  mkdirSync(VECTORS_DIR, { recursive: true });
  for (const [name, obj] of Object.entries(v)) {
    writeFileSync(join(VECTORS_DIR, `${name}.json`), `${JSON.stringify(obj, null, 2)}\n`);
    process.stdout.write(`wrote test/vectors/${name}.json\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
