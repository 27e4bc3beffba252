// The receipt store: seq continues across restarts with no gap, refuses another key's store, retains and prunes data.
import { expect } from "chai";
import { mkdtempSync, rmSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Wallet } from "ethers";
import { createHash } from "node:crypto";
import { DatabaseSync } from "node:sqlite";
import type { Hex, Tensor } from "../../client/index.js";
import { ReceiptStore } from "../../node/store/ReceiptStore.js";
import { packTensors } from "../../node/store/packTensors.js";
import { unpackTensors } from "../../node/store/unpackTensors.js";
import type { StoredReceipt } from "../../node/store/StoredReceipt.js";

const hex = (n: number) => `0x${n.toString(16).padStart(64, "0")}` as Hex;

function receipt(node: Hex, seq: bigint): StoredReceipt {
  return { seq, requestId: hex(Number(seq)), modelHash: hex(1), inputDigest: hex(2), outputDigest: hex(3), node, timestamp: 1n, signature: `0x${"11".repeat(65)}`, modelName: "m" };
}

describe("node receipt store", function () {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "vt-store-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("group-commits concurrent appends and continues seq after a reopen, gap-free", async () => {
    const node = new Wallet(Wallet.createRandom().privateKey).address as Hex;
    const path = join(dir, "s.sqlite");
    let store = await ReceiptStore.open(path, { node });
    await Promise.all(Array.from({ length: 50 }, () => store.append({ receipt: receipt(node, store.reserveSeq()) })));
    const x: Tensor = { name: "x", datatype: "FP32", shape: [2, 2], data: new Float32Array([1, 2, 3, 4]) };
    const y: Tensor = { name: "y", datatype: "INT64", shape: [1], data: new BigInt64Array([5n]) };
    const seq = store.reserveSeq();
    await store.append({ receipt: receipt(node, seq), data: { inputs: packTensors([x]), outputs: packTensors([y]) } });
    await store.close();
    store = await ReceiptStore.open(path, { node });
    expect(store.nextSeq).to.equal(52n);
    expect(store.count()).to.equal(51);
    const data = store.data(51n)!;
    expect(unpackTensors(data.inputs)).to.deep.equal([x]);
    expect(unpackTensors(data.outputs)).to.deep.equal([y]);
    const s = store.reserveSeq();
    store.releaseSeq(s);
    expect(store.reserveSeq()).to.equal(s);
    expect(store.pruneData(Date.now() + 1)).to.equal(1);
    expect(store.data(51n)).to.equal(undefined);
    await store.close();
    let err: Error | undefined;
    try {
      await ReceiptStore.open(path, { node: new Wallet(Wallet.createRandom().privateKey).address as Hex });
    } catch (e) {
      err = e as Error;
    }
    expect(err?.message).to.match(/belongs to node/);
  });

  it("drops whole expired data segments", async () => {
    const node = new Wallet(Wallet.createRandom().privateKey).address as Hex;
    const store = await ReceiptStore.open(join(dir, "s.sqlite"), { node, dataSegmentMs: 50 });
    // 4 KiB per tensor: above the inline limit, so the data goes to segment files
    const x: Tensor = { name: "x", datatype: "FP32", shape: [1024], data: new Float32Array(1024).map((_, i) => i) };
    await store.append({ receipt: receipt(node, store.reserveSeq()), data: { inputs: packTensors([x]), outputs: packTensors([x]) } });
    await new Promise((r) => setTimeout(r, 120));
    await store.append({ receipt: receipt(node, store.reserveSeq()), data: { inputs: packTensors([x]), outputs: packTensors([x]) } });
    expect(readdirSync(join(dir, "s.sqlite.data")).length).to.equal(2);
    store.pruneData(Date.now() - 60);
    expect(readdirSync(join(dir, "s.sqlite.data")).length).to.equal(1);
    expect(store.data(1n)).to.equal(undefined);
    expect(unpackTensors(store.data(2n)!.inputs)).to.deep.equal([x]);
    await store.close();
  });

  it("keeps small records inline in their rows (no segment file) and big ones in segments; both read back and prune", async () => {
    const node = new Wallet(Wallet.createRandom().privateKey).address as Hex;
    const store = await ReceiptStore.open(join(dir, "i.sqlite"), { node });
    const small: Tensor = { name: "x", datatype: "FP32", shape: [1, 3], data: new Float32Array([1.5, -2, 3]) };
    const big: Tensor = { name: "x", datatype: "FP32", shape: [1, 600], data: new Float32Array(600).map((_, i) => i / 7) };
    await Promise.all(
      [small, big, small, big].map((t) => store.append({ receipt: receipt(node, store.reserveSeq()), data: { inputs: packTensors([t]), outputs: packTensors([small]) } })),
    );
    const segs = readdirSync(join(dir, "i.sqlite.data"));
    expect(segs.length).to.equal(1);
    for (const [seq, t] of [[1n, small], [2n, big], [3n, small], [4n, big]] as const) {
      expect(unpackTensors(store.data(seq)!.inputs), `seq ${seq}`).to.deep.equal([t]);
      expect(unpackTensors(store.data(seq)!.outputs), `seq ${seq}`).to.deep.equal([small]);
    }
    expect(store.pruneData(Date.now() + 1)).to.equal(4);
    expect(store.data(1n)).to.equal(undefined);
    await store.close();
  });

  it("writes every field of a mixed group (no data, inline, segment file) in one commit", async () => {
    const node = new Wallet(Wallet.createRandom().privateKey).address as Hex;
    const store = await ReceiptStore.open(join(dir, "g.sqlite"), { node });
    const small: Tensor = { name: "y", datatype: "INT32", shape: [2], data: new Int32Array([7, -9]) };
    const big: Tensor = { name: "x", datatype: "UINT8", shape: [3000], data: new Uint8Array(3000).map((_, i) => i * 31) };
    const kinds = [undefined, small, big, undefined, big, small];
    const recs = kinds.map((t, i) => {
      const r: StoredReceipt = { ...receipt(node, store.reserveSeq()), timestamp: 1_700_000_000n + BigInt(i), modelName: `m${i}`, signature: `0x${(i + 10).toString(16).repeat(130)}` as Hex };
      return { receipt: r, data: t && { inputs: packTensors([t]), outputs: packTensors([small, { ...small, name: "z" }]) } };
    });
    await Promise.all(recs.map((r) => store.append(r)));
    for (const [i, t] of kinds.entries()) {
      const seq = BigInt(i + 1);
      expect(store.bySeq(seq), `seq ${seq}`).to.deep.equal({ ...recs[i].receipt, node: store.node });
      if (!t) expect(store.data(seq), `seq ${seq}`).to.equal(undefined);
      else {
        expect(unpackTensors(store.data(seq)!.inputs), `seq ${seq}`).to.deep.equal([t]);
        expect(unpackTensors(store.data(seq)!.outputs), `seq ${seq}`).to.deep.equal([small, { ...small, name: "z" }]);
      }
    }
    await store.close();
  });

  it("finds receipts by requestId through the prefix index, and still opens stores with the old UNIQUE(request_id) layout", async () => {
    const node = new Wallet(Wallet.createRandom().privateKey).address as Hex;
    const rid = (n: number) => `0x${createHash("sha256").update(String(n)).digest("hex")}` as Hex;
    const withId = (seq: bigint) => ({ ...receipt(node, seq), requestId: rid(Number(seq)) });
    const path = join(dir, "new.sqlite");
    const store = await ReceiptStore.open(path, { node });
    await Promise.all(Array.from({ length: 20 }, () => store.append({ receipt: withId(store.reserveSeq()) })));
    expect(store.byRequestId(rid(7).toUpperCase().replace("0X", "0x"))?.seq).to.equal(7n);
    expect(store.byRequestId(`${rid(7).slice(0, 40)}${"0".repeat(26)}`)).to.equal(undefined); // same prefix, other id
    expect(store.byRequestId(rid(99))).to.equal(undefined);
    await store.close();
    const db = new DatabaseSync(path);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM receipts WHERE substr(request_id, 3, 16) = ? AND request_id = ?").all("ab", "0xab") as { detail: string }[];
    expect(plan.map((p) => p.detail).join(";")).to.match(/receipts_request_id_prefix/);
    db.close();

    // a store made by the previous layout (request_id TEXT NOT NULL UNIQUE) keeps working with its own index
    const oldPath = join(dir, "old.sqlite");
    const old = new DatabaseSync(oldPath);
    old.exec(`CREATE TABLE receipts (seq INTEGER PRIMARY KEY, request_id TEXT NOT NULL UNIQUE, model_hash TEXT NOT NULL,
      input_digest TEXT NOT NULL, output_digest TEXT NOT NULL, timestamp INTEGER NOT NULL, signature TEXT NOT NULL, model_name TEXT NOT NULL, created_ms INTEGER NOT NULL);
      CREATE TABLE request_data (seq INTEGER PRIMARY KEY, segment INTEGER NOT NULL, offset INTEGER NOT NULL, inputs_len INTEGER NOT NULL,
      outputs_len INTEGER NOT NULL, created_ms INTEGER NOT NULL)`);
    old.close();
    const legacy = await ReceiptStore.open(oldPath, { node });
    const x: Tensor = { name: "x", datatype: "INT32", shape: [2], data: new Int32Array([7, -7]) };
    await Promise.all(Array.from({ length: 5 }, () => legacy.append({ receipt: withId(legacy.reserveSeq()), data: { inputs: packTensors([x]), outputs: packTensors([x]) } })));
    expect(legacy.byRequestId(rid(3))?.seq).to.equal(3n);
    expect(unpackTensors(legacy.data(3n)!.outputs)).to.deep.equal([x]);
    await legacy.close();
    const check = new DatabaseSync(oldPath);
    expect(check.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'receipts_request_id_prefix'").get()).to.deep.include({ n: 0 });
    check.close();
  });
});
