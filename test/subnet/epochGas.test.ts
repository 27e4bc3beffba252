// Gas of the largest benchmarked epoch (64 validators x 256 nodes, dense random weights), the same measurement as
// `npm run --silent bench:gas`: finalising it must stay <= 30M gas in total and every chunk transaction below the
// 2^24 transaction gas cap. Gas is deterministic here (fixed seeds), so this is a regression guard, not a timing.
import { expect } from "chai";
import { finalizeGas } from "../../scripts/bench/gasSubnet.js";

const EPOCH_LIMIT = 30_000_000n;
const TX_CAP = 1n << 24n;

describe("Subnet epoch gas", () => {
  it("finalises 64 validators x 256 nodes in <= 30M gas, no transaction above the 16.7M cap", async () => {
    const g = await finalizeGas(64, 256, 1000);
    expect(g.first, "first epoch with weights").to.be.at.most(EPOCH_LIMIT);
    expect(g.steady, "steady-state epoch").to.be.at.most(EPOCH_LIMIT);
    expect(g.maxTx, "largest chunk transaction").to.be.below(TX_CAP);
    expect(g.txs, "chunk transactions over both epochs").to.be.at.most(8);
  });
});
