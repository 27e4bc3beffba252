// Retired signing keys stay attributable: key rotation and deregistration keep operatorOfSigner, so receipts signed
// with an old key can still be proved against the operator (real Subnet + AuditLog + Challenges); no key is reused.
import { expect } from "chai";
import { network } from "hardhat";
import { Wallet, id as idHash, type BaseWallet } from "ethers";
import { deploySubnet, fundStakers, registerValidators } from "./helpers.js";
import { E18 } from "./subnetFixture.js";
import { deployChallenges, RECEIPT_TYPES, type TestReceipt } from "../disputes/disputesFixture.js";

const conn = await network.create();
const { networkHelpers, ethers } = conn;

const NODE_STAKE = 100n * E18;

async function fixture() {
  const [owner, operator, other, prover, v1, v2] = await ethers.getSigners();
  const { token, subnet } = await deploySubnet(ethers, owner);
  const { auditLog, challenges } = await deployChallenges(ethers, owner, subnet, token);
  await subnet.grantRole(await subnet.SLASHER_ROLE(), await challenges.getAddress());
  await fundStakers(token, subnet, [operator, other, v1, v2], 1000n * E18);
  await registerValidators(subnet, [v1, v2], () => 100n * E18);
  const oldKey = Wallet.createRandom();
  const newKey = Wallet.createRandom();
  const params = (signer: string) => ({
    signer, endpoint: "http://127.0.0.1:1", pricePerInference: 0n, region: "eu", energySource: "grid", carbonIntensity: 0,
  });
  await (subnet.connect(operator) as any).registerNode(params(oldKey.address), NODE_STAKE);
  const chainId = (await ethers.provider.getNetwork()).chainId;
  const domain = { name: "Veritensor", version: "1", chainId, verifyingContract: await auditLog.getAddress() };
  const receipt = (node: string, tag: string): TestReceipt => ({
    requestId: idHash("r"), modelHash: idHash("m"), inputDigest: idHash("i"), outputDigest: idHash(`o${tag}`), node, seq: 7n, timestamp: 1n,
  });
  /** Proves a double-sign by `key` (two receipts with the same seq and different outputs). */
  const proveDoubleSign = async (key: BaseWallet) => {
    const [a, b] = [receipt(key.address, "a"), receipt(key.address, "b")];
    return (challenges.connect(prover) as any).proveDoubleSign(
      a, await key.signTypedData(domain, RECEIPT_TYPES, a), b, await key.signTypedData(domain, RECEIPT_TYPES, b),
    );
  };
  return { owner, operator, other, token, subnet, challenges, oldKey, newKey, params, proveDoubleSign };
}

describe("Subnet signing keys", () => {
  it("keeps a rotated-away key attributed: its double-sign still slashes the operator", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    await (f.subnet.connect(f.operator) as any).updateNode(f.params(f.newKey.address));
    expect(await f.subnet.isAuthorizedSigner(f.oldKey.address)).to.equal(false);
    expect(await f.subnet.isAuthorizedSigner(f.newKey.address)).to.equal(true);
    expect(await f.subnet.operatorOfSigner(f.oldKey.address)).to.equal(f.operator.address);
    expect(await f.subnet.operatorOfSigner(f.newKey.address)).to.equal(f.operator.address);
    await expect(f.proveDoubleSign(f.oldKey))
      .to.emit(f.subnet, "OperatorSlashed")
      .and.to.emit(f.challenges, "NodeSlashed");
    const pool = await f.subnet.pool(f.operator.address);
    expect(pool.stake).to.be.lessThan(NODE_STAKE);
    // The slash jailed the operator: its current key is no longer authorised either.
    expect(await f.subnet.isAuthorizedSigner(f.newKey.address)).to.equal(false);
  });

  it("keeps a deregistered node's key attributed: its double-sign still slashes the pool", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    await (f.subnet.connect(f.operator) as any).deregister();
    expect(await f.subnet.isAuthorizedSigner(f.oldKey.address)).to.equal(false);
    expect(await f.subnet.operatorOfSigner(f.oldKey.address)).to.equal(f.operator.address);
    await expect(f.proveDoubleSign(f.oldKey)).to.emit(f.subnet, "OperatorSlashed");
    expect((await f.subnet.pool(f.operator.address)).stake).to.be.lessThan(NODE_STAKE);
  });

  it("never lets another operator take a key that was used, and lets the owner reuse its own", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const as = (w: unknown) => f.subnet.connect(w as any) as any;
    await as(f.operator).updateNode(f.params(f.newKey.address));
    // Retired key of another operator: rejected at registration and at rotation.
    await expect(as(f.other).registerNode(f.params(f.oldKey.address), NODE_STAKE))
      .to.be.revertedWithCustomError(f.subnet, "SubnetSignerRetired").withArgs(f.oldKey.address, f.operator.address);
    // Current key of another operator.
    await expect(as(f.other).registerNode(f.params(f.newKey.address), NODE_STAKE))
      .to.be.revertedWithCustomError(f.subnet, "SubnetSignerTaken").withArgs(f.newKey.address);
    const fresh = Wallet.createRandom().address;
    await as(f.other).registerNode(f.params(fresh), NODE_STAKE);
    await expect(as(f.other).updateNode(f.params(f.oldKey.address)))
      .to.be.revertedWithCustomError(f.subnet, "SubnetSignerRetired").withArgs(f.oldKey.address, f.operator.address);
    // After deregistering, the key still belongs to its operator: nobody else may register it.
    await as(f.operator).deregister();
    expect(await f.subnet.isAuthorizedSigner(f.newKey.address)).to.equal(false);
    await expect(as(f.other).updateNode(f.params(f.newKey.address)))
      .to.be.revertedWithCustomError(f.subnet, "SubnetSignerRetired").withArgs(f.newKey.address, f.operator.address);
    // The operator itself may come back with one of its own earlier keys.
    await as(f.operator).registerNode(f.params(f.oldKey.address), NODE_STAKE);
    expect(await f.subnet.isAuthorizedSigner(f.oldKey.address)).to.equal(true);
    expect(await f.subnet.isAuthorizedSigner(f.newKey.address)).to.equal(false);
    expect(await f.subnet.operatorOfSigner(f.oldKey.address)).to.equal(f.operator.address);
  });

  it("authorises the current key only while the node is staked and not jailed", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const key = f.oldKey.address;
    const pos = await f.subnet.position(f.operator.address, f.operator.address);
    // Undelegating below the minimum is refused for a registered operator; slashing below it is not.
    await expect((f.subnet.connect(f.operator) as any).undelegate(f.operator.address, pos.shares)).to.be.revertedWithCustomError(f.subnet, "SubnetInsufficientStake");
    expect(await f.subnet.isAuthorizedSigner(key)).to.equal(true);
    await expect(f.proveDoubleSign(f.oldKey)).to.emit(f.subnet, "OperatorSlashed");
    const jailedUntil = (await f.subnet.pool(f.operator.address)).jailedUntil;
    expect(await f.subnet.isAuthorizedSigner(key)).to.equal(false);
    // The jail ends by itself.
    await networkHelpers.mineUpTo(jailedUntil);
    expect(await f.subnet.isAuthorizedSigner(key)).to.equal(true);
    // A slash that leaves the self-stake below the minimum deauthorises the key; topping it up restores it.
    await f.subnet.grantRole(await f.subnet.SLASHER_ROLE(), f.owner.address);
    await f.subnet.slash(f.operator.address, 10n ** 18n - 10n ** 14n, 0n, ethers.ZeroAddress, false);
    expect(await f.subnet.isAuthorizedSigner(key)).to.equal(false);
    expect((await f.subnet.node(0)).eligible).to.equal(false);
    await (f.subnet.connect(f.operator) as any).delegate(f.operator.address, 10n * E18);
    expect(await f.subnet.isAuthorizedSigner(key)).to.equal(true);
    expect((await f.subnet.node(0)).eligible).to.equal(true);
  });
});
