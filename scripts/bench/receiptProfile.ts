// Receipt cost breakdown: CPU us per receipt of ReceiptIssuer.issue and of its parts, each run alone, printed as one JSON object.
// usage: npx tsx scripts/bench/receiptProfile.ts [--n 8000] [--reps 3] [--only full,noStore,store,sign,ecdsa,digests,pack,requestId]
// Same tensors as bench:serve's mlp (x FP32 [1,16] -> y FP32 [1,4]), 16 receipts in flight as there. "full" is
// bench:serve's receiptOverheadUs; the store cases also split it by thread (Linux /proc, 10 ms ticks): main,
// writer (the store's worker) and other (V8/libuv helpers).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import secp256k1 from "secp256k1";
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
const N = Number(arg("n", "8000"));
const REPS = Number(arg("reps", "3"));
const ONLY = arg("only", "");
const f = (n: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37));
const inputs: Tensor[] = [{ name: "x", datatype: "FP32", shape: [1, 16], data: f(16) }];
const outputs: Tensor[] = [{ name: "y", datatype: "FP32", shape: [1, 4], data: f(4) }];
const key = Wallet.createRandom().privateKey as Hex;
const signer = createReceiptSigner({ privateKey: key, domain: { chainId: 31337n, verifyingContract: "0x5FbDB2315678afecb367f032d93F642f64180aa3" } });
const modelHash = `0x${"ab".repeat(32)}` as Hex;

/** CPU clock ticks (utime + stime) of each live thread of this process, by tid. */
function threadTicks(): Map<number, number> {
  const m = new Map<number, number>();
  for (const tid of readdirSync("/proc/self/task")) {
    try {
      const st = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      const f = st.slice(st.lastIndexOf(")") + 2).split(" ");
      m.set(Number(tid), Number(f[11]) + Number(f[12]));
    } catch {
      /* the thread ended */
    }
  }
  return m;
}

interface Cost {
  us: number;
  threads: { main: number; writer: number; other: number };
}

/** CPU us (all threads) per unit of `fn(n)` after a warm-up, with the split by thread. */
async function cpuPer(fn: (n: number) => Promise<void> | void, n = N): Promise<Cost> {
  await fn(Math.min(3000, n));
  const t0 = threadTicks();
  const c0 = process.cpuUsage();
  await fn(n);
  const c = process.cpuUsage(c0);
  const per = [...threadTicks()].map(([tid, t]) => ({ tid, us: ((t - (t0.get(tid) ?? 0)) * 1e4) / n })); // 100 ticks per second
  const main = per.find((p) => p.tid === process.pid)?.us ?? 0;
  const others = per.filter((p) => p.tid !== process.pid).sort((a, b) => b.us - a.us);
  const writer = others[0]?.us ?? 0;
  const other = others.slice(1).reduce((a, p) => a + p.us, 0);
  return { us: (c.user + c.system) / n, threads: { main, writer, other } };
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
const digest = fastIoDigest(inputs);
const cases: Record<string, () => Promise<Cost>> = {
  full: () => withStore("full", true, async (issuer) => cpuPer(issueLoop(issuer))),
  noRetain: () => withStore("full", false, async (issuer) => cpuPer(issueLoop(issuer))),
  syncNormal: () => withStore("normal", true, async (issuer) => cpuPer(issueLoop(issuer))),
  // issue() with a store that keeps nothing: everything but the store's work
  noStore: async () => {
    let next = 1n;
    const stub = { reserveSeq: () => next++, releaseSeq: () => {}, append: () => Promise.resolve() } as unknown as ReceiptStore;
    return cpuPer(issueLoop(new ReceiptIssuer(signer, stub, { retainData: true })));
  },
  // the store alone: appends of one signed receipt with its packed data, 16 per group commit
  store: () =>
    withStore("full", true, async (_, store) => {
      const signed = signer.sign({ requestId: digest, modelHash, inputDigest: digest, outputDigest: digest, seq: 1n, timestamp: 1700000000n });
      const data = { inputs: packTensors(inputs), outputs: packTensors(outputs) };
      return cpuPer(async (n) => {
        for (let i = 0; i < n; i += 16)
          await Promise.all(Array.from({ length: 16 }, () => store.append({ receipt: { ...signed, seq: store.reserveSeq(), modelName: "m" }, data })));
      });
    }),
  sign: () =>
    cpuPer((n) => {
      for (let i = 0; i < n; i++) signer.sign({ requestId: digest, modelHash, inputDigest: digest, outputDigest: digest, seq: seq++, timestamp: 1700000000n });
    }),
  ecdsa: () => {
    const k = randomBytes(32);
    const msg = randomBytes(32);
    return cpuPer((n) => {
      for (let i = 0; i < n; i++) (msg[i & 31]++, secp256k1.ecdsaSign(msg, k));
    });
  },
  digests: () => cpuPer((n) => void Array.from({ length: n }, () => (fastIoDigest(inputs), fastIoDigest(outputs)))),
  pack: () => cpuPer((n) => void Array.from({ length: n }, () => (packTensors(inputs), packTensors(outputs)))),
  requestId: () => cpuPer((n) => void Array.from({ length: n }, () => deriveRequestId(signer.address, seq++, undefined))),
};
const res: Record<string, Cost[]> = {};
for (let r = 0; r < REPS; r++)
  for (const [name, fn] of Object.entries(cases)) if (!ONLY || ONLY.split(",").includes(name)) (res[name] ??= []).push(await fn());
const med = (a: number[]) => Number([...a].sort((x, y) => x - y)[Math.floor(a.length / 2)].toFixed(1));
console.log(
  JSON.stringify(
    Object.fromEntries(
      Object.entries(res).map(([k, v]) => [
        k,
        {
          medianUs: med(v.map((c) => c.us)),
          runs: v.map((c) => Number(c.us.toFixed(1))),
          ...(["full", "noRetain", "syncNormal", "store", "noStore"].includes(k)
            ? { threadsMedianUs: { main: med(v.map((c) => c.threads.main)), writer: med(v.map((c) => c.threads.writer)), other: med(v.map((c) => c.threads.other)) } }
            : {}),
        },
      ]),
    ),
  ),
);
