// AuditLog.commitBatch with the real Subnet as node authority stays within the 60,000 gas budget.
import { expect } from "chai";
import { network } from "hardhat";
import { commitBatchGasWithSubnet } from "./commitBatchGas.js";

const { ethers } = await network.create();

describe("AuditLog.commitBatch gas with the Subnet as authority", () => {
  it("costs at most 60,000 gas per steady-state batch (isAuthorizedSigner reads one slot)", async () => {
    const g = await commitBatchGasWithSubnet(ethers);
    for (const [size, gas] of Object.entries(g.bySize)) {
      expect(gas, `batch of ${size} receipts`).to.be.at.most(60_000);
    }
    expect(g.max).to.be.at.most(60_000);
  });
});
