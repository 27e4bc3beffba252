// One live devnet (chain, contracts, 3 nodes, 2 validators, explorer, demo run) shared by the dashboard and SDK suites.
import { expect } from "chai";
import { startTestDevnet, type TestDevnet } from "./devnetFixture.js";
import { explorerSuite } from "./explorerSuite.js";
import { sdkSuite } from "./sdkSuite.js";

describe("live devnet", function () {
  this.timeout(180_000);
  let net: TestDevnet;

  before(async () => {
    net = await startTestDevnet();
  });
  after(async () => {
    await net?.stop();
  });

  it("verified every demo step", () => {
    expect(net.demo).to.deep.equal({ inference: true, receiptVerified: true, rootCommitted: true, epochFinalized: true, rewardsClaimed: true, cheaterSlashed: true });
  });

  explorerSuite(() => net);
  sdkSuite(() => net);
});
