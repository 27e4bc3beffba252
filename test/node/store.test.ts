// The receipt store: seq continues across restarts with no gap, refuses another key's store, retains and prunes data.
import { expect } from "chai";
import { mkdtempSync, rmSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Wallet } from "ethers";
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
    const x: Tensor = { name: "x", datatype: "FP32", shape: [1], data: new Float32Array([1]) };
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
});
