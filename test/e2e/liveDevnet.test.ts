// One live devnet (chain, contracts, 3 nodes, 2 validators, explorer, demo run) shared by the dashboard and SDK suites.
import { expect } from "chai";
import { startTestDevnet, type TestDevnet } from "./devnetFixture.js";
import { explorerSuite } from "./explorerSuite.js";
import { sdkSuite } from "./sdkSuite.js";

describe("live devnet", function () {
  this.timeout(300_000);
  let net: TestDevnet;
  let starting: Promise<TestDevnet> | undefined;

  before(async () => {
    starting = startTestDevnet();
    net = await starting;
  });
  // Stops the devnet even when the before hook failed or timed out while it was still starting.
  after(async () => {
    const started = await starting?.catch(() => undefined);
    await started?.stop();
  });

  it("verified every demo step", () => {
    expect(net.demo).to.deep.equal({ inference: true, receiptVerified: true, rootCommitted: true, epochFinalized: true, rewardsClaimed: true, cheaterSlashed: true });
  });

  explorerSuite(() => net);
  sdkSuite(() => net);
});
