// Receipt cost breakdown (not part of the benchmarks' output): CPU us per receipt for the parts of ReceiptIssuer.issue.
// usage: npx tsx scripts/bench/receiptProfile.ts [--n 4000] [--reps 3] [--only full,sign,...]
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Wallet } from "ethers";
import { createReceiptSigner, type Hex, type Tensor } from "../../client/index.js";
import { ReceiptStore } from "../../node/store/ReceiptStore.js";
import { ReceiptIssuer } from "../../node/receipts/ReceiptIssuer.js";
import { fastIoDigest } from "../../node/receipts/fastIoDigest.js";
import { deriveRequestId } from "../../node/receipts/deriveRequestId.js";
import { packTensors } from "../../node/store/packTensors.js";

const arg = (name: string, d: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : d;
};
const N = Number(arg("n", "4000"));
const REPS = Number(arg("reps", "3"));
const ONLY = arg("only", "");
const f = (n: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37));
const inputs: Tensor[] = [{ name: "x", datatype: "FP32", shape: [1, 16], data: f(16) }];
const outputs: Tensor[] = [{ name: "y", datatype: "FP32", shape: [1, 4], data: f(4) }];
const key = Wallet.createRandom().privateKey as Hex;
const signer = createReceiptSigner({ privateKey: key, domain: { chainId: 31337n, verifyingContract: "0x5FbDB2315678afecb367f032d93F642f64180aa3" } });
const modelHash = `0x${"ab".repeat(32)}` as Hex;

/** utime+stime (clock ticks) of each thread of this process, by tid: name. */
function threadTicks(): Map<string, number> {
  const m = new Map<string, number>();
  for (const tid of readdirSync("/proc/self/task")) {
    try {
      const st = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      const name = st.slice(st.indexOf("(") + 1, st.lastIndexOf(")"));
      const f = st.slice(st.lastIndexOf(")") + 2).split(" ");
      m.set(`${tid}:${name}`, Number(f[11]) + Number(f[12]));
    } catch {
      /* thread gone */
    }
  }
  return m;
}
const THREADS = process.argv.includes("--threads");
async function cpuPer(fn: (n: number) => Promise<void> | void, n = N): Promise<number> {
  await fn(Math.min(3000, n));
  const t0 = threadTicks();
  const c0 = process.cpuUsage();
  await fn(n);
  const c = process.cpuUsage(c0);
  if (THREADS) {
    const per: Record<string, number> = {};
    for (const [k, v] of threadTicks()) {
      const d = v - (t0.get(k) ?? 0);
      if (d > 0) per[k] = Number(((d * 10000) / n).toFixed(1)); // 100 ticks/s -> us per receipt
    }
    console.error("threads us/receipt", JSON.stringify(per));
  }
  return (c.user + c.system) / n;
}

async function withStore<T>(sync: "full" | "normal", retain: boolean, f: (issuer: ReceiptIssuer, store: ReceiptStore) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "vt-prof-"));
  const store = await ReceiptStore.open(join(dir, "r.sqlite"), { node: signer.address, synchronous: sync });
  try {
    return await f(new ReceiptIssuer(signer, store, { retainData: retain }), store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
const issueLoop = (issuer: ReceiptIssuer) => async (n: number) => {
  for (let i = 0; i < n; i += 16) await Promise.all(Array.from({ length: 16 }, () => issuer.issue({ model: "m", modelHash, inputs, outputs })));
};
let seq = 1n;
const cases: Record<string, () => Promise<number>> = {
  full: () => withStore("full", true, async (issuer) => cpuPer(issueLoop(issuer))),
  noRetain: () => withStore("full", false, async (issuer) => cpuPer(issueLoop(issuer))),
  syncNormal: () => withStore("normal", true, async (issuer) => cpuPer(issueLoop(issuer))),
  digests: () => cpuPer((n) => { for (let i = 0; i < n; i++) { fastIoDigest(inputs); fastIoDigest(outputs); } }, N * 5),
  pack: () => cpuPer((n) => { for (let i = 0; i < n; i++) { packTensors(inputs); packTensors(outputs); } }, N * 5),
  requestId: () => cpuPer((n) => { for (let i = 0; i < n; i++) deriveRequestId(signer.address, seq++, undefined); }, N * 5),
  sign: () => cpuPer((n) => {
    const d = fastIoDigest(inputs);
    for (let i = 0; i < n; i++) signer.sign({ requestId: d, modelHash, inputDigest: d, outputDigest: d, seq: seq++, timestamp: 1700000000n });
  }, N * 2),
  microtaskBatch: () => cpuPer(async (n) => {
    for (let i = 0; i < n; i += 16) await Promise.all(Array.from({ length: 16 }, async () => { await new Promise<void>((r) => setImmediate(r)); }));
  }),
};
const res: Record<string, number[]> = {};
for (let r = 0; r < REPS; r++)
  for (const [name, fn] of Object.entries(cases)) {
    if (ONLY && !ONLY.split(",").includes(name)) continue;
    (res[name] ??= []).push(await fn());
  }
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(JSON.stringify(Object.fromEntries(Object.entries(res).map(([k, v]) => [k, { medianUs: Number(med(v).toFixed(1)), runs: v.map((x) => Number(x.toFixed(1))) }])), null, 1));
