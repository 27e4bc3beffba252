// Gas benchmark (npm run bench:gas): deploys the contracts on an in-process chain and prints one JSON object.
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { network } from "hardhat";

const BATCH_SIZES = [1, 1024, 4096] as const;
const { ethers } = await network.create();
const [owner, node] = await ethers.getSigners();

const authority = await ethers.deployContract("OwnedNodeAuthority", [owner.address]);
const auditLog = await ethers.deployContract("AuditLog", [await authority.getAddress()]);
const registry = await ethers.deployContract("ModelRegistry");
await (await authority.authorizeSigner(node.address)).wait();

/** Sends a transaction and returns its gasUsed (including the 21,000 base). */
async function gasOf(tx: Promise<{ wait(): Promise<{ gasUsed: bigint } | null> }>): Promise<bigint> {
  const receipt = await (await tx).wait();
  if (!receipt) throw new Error("transaction was not mined");
  return receipt.gasUsed;
}

// The node's very first batch also creates its per-node slot; every later one is steady state.
let seq = 0n;
const firstBatchGas = await gasOf(auditLog.connect(node).commitBatch(ethers.id("batch-0"), seq, seq));
seq += 1n;
const perSize: Record<string, bigint> = {};
for (const size of BATCH_SIZES) {
  const gas = await gasOf(auditLog.connect(node).commitBatch(ethers.id(`batch-${size}`), seq, seq + BigInt(size) - 1n));
  seq += BigInt(size);
  perSize[String(size)] = gas;
}
const commitBatchGas = Object.values(perSize).reduce((a, b) => (a > b ? a : b));

// verifyReceipt: a 4-leaf batch, checked in a transaction-like estimate (eth_estimateGas of the view call).
const receipts = [0, 1, 2, 3].map((i) => ({
  requestId: ethers.id(`req-${i}`),
  modelHash: ethers.id("model"),
  inputDigest: ethers.id(`in-${i}`),
  outputDigest: ethers.id(`out-${i}`),
  node: node.address,
  seq: seq + BigInt(i),
  timestamp: 1_700_000_000n,
}));
const leaves = await Promise.all(receipts.map((r) => auditLog.hashReceipt(r)));
const pair = (a: string, b: string) => ethers.keccak256(ethers.concat(a < b ? [a, b] : [b, a]));
const l01 = pair(leaves[0], leaves[1]);
const l23 = pair(leaves[2], leaves[3]);
await (await auditLog.connect(node).commitBatch(pair(l01, l23), seq, seq + 3n)).wait();
const verifyReceiptGas = await auditLog.verifyReceipt.estimateGas(receipts[0], [leaves[1], l23]);

const registerModelGas = await gasOf(
  registry.registerModel(ethers.id("model.onnx"), "resnet50", "ipfs://bafy-model", ethers.id("io-spec"), {
    kind: 0,
    minCosine: 999_000_000_000_000_000n,
    maxRelAbsError: 10_000_000_000_000_000n,
    topK: 5,
  }),
);

const result: Record<string, unknown> = {
  commitBatchGas: Number(commitBatchGas),
  commitBatchGasBySize: Object.fromEntries(Object.entries(perSize).map(([k, v]) => [k, Number(v)])),
  firstCommitBatchGas: Number(firstBatchGas),
  gasPerInference: Object.fromEntries(BATCH_SIZES.map((n) => [String(n), Number(perSize[String(n)]) / n])),
  verifyReceiptGas: Number(verifyReceiptGas),
  registerModelGas: Number(registerModelGas),
};

const subnetFile = fileURLToPath(new URL("./gasSubnet.ts", import.meta.url));
if (existsSync(subnetFile)) {
  // A computed specifier: the file is written later by the subnet engineer and must not be resolved at type-check time.
  const { subnetGas } = (await import(pathToFileURL(subnetFile).href)) as {
    subnetGas: () => Promise<Record<string, unknown>>;
  };
  Object.assign(result, await subnetGas());
}
console.log(JSON.stringify(result));
