// Gas of the hot path: commitBatch must stay <= 60,000 gas (tx gasUsed, steady state) whatever the batch size,
// and must match the committed snapshot test/gas-snapshot.json (rewrite it with UPDATE_GAS_SNAPSHOT=1 after review).
import { expect } from "chai";
import { readFileSync, writeFileSync } from "node:fs";
import { network } from "hardhat";

const { ethers } = await network.create();
const SNAPSHOT = new URL("../gas-snapshot.json", import.meta.url);
const COMMIT_BATCH_LIMIT = 60_000n;

describe("gas", () => {
  it("keeps commitBatch under 60,000 gas for batches of 1, 1024 and 4096 receipts, as in the snapshot", async () => {
    const [owner, node] = await ethers.getSigners();
    const authority = await ethers.deployContract("OwnedNodeAuthority", [owner.address]);
    const auditLog = await ethers.deployContract("AuditLog", [await authority.getAddress()]);
    await authority.authorizeSigner(node.address);
    const commit = async (label: string, first: bigint, last: bigint) =>
      (await (await auditLog.connect(node).commitBatch(ethers.id(label), first, last)).wait())!.gasUsed;

    const measured: Record<string, number> = {};
    measured["AuditLog.commitBatch first batch of a node"] = Number(await commit("first", 0n, 0n));
    let seq = 1n;
    for (const size of [1n, 1024n, 4096n]) {
      const gas = await commit(`batch-${seq}`, seq, seq + size - 1n);
      expect(gas, `commitBatch of ${size} receipts`).to.be.at.most(COMMIT_BATCH_LIMIT);
      measured[`AuditLog.commitBatch ${size}`] = Number(gas);
      seq += size;
    }

    if (process.env.UPDATE_GAS_SNAPSHOT === "1") writeFileSync(SNAPSHOT, JSON.stringify(measured, null, 2) + "\n");
    const snapshot = JSON.parse(readFileSync(SNAPSHOT, "utf8")) as Record<string, number>;
    expect(measured, "gas changed: review, then rerun with UPDATE_GAS_SNAPSHOT=1").to.deep.equal(snapshot);
  });
});
