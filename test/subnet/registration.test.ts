// Subnet registration: nodes and validators, self-stake, caps, immunity, replacement, signers, deregistration.
import { expect } from "chai";
import { network } from "hardhat";
import { Wallet } from "ethers";
import { defaultParams, deploySubnet } from "./helpers.js";
import { E18, subnetFixture } from "./subnetFixture.js";

const conn = await network.create();
const { networkHelpers, ethers } = conn;
const fixture = () => subnetFixture(conn);

describe("Subnet registration", () => {
  it("rejects bad constructor arguments", async () => {
    const [owner] = await ethers.getSigners();
    const { token } = await deploySubnet(ethers, owner);
    const yuma = await ethers.deployContract("YumaEpoch");
    const views = await ethers.deployContract("SubnetViews");
    const factory = await ethers.getContractFactory("Subnet", { libraries: { YumaEpoch: await yuma.getAddress(), SubnetViews: await views.getAddress() } });
    const tokenAddr = await token.getAddress();
    const bad: Record<string, unknown>[] = [
      { epochLength: 0n }, { commitBlocks: 0n }, { commitBlocks: 20n }, { maxNodes: 0 }, { maxNodes: 1025 }, { maxValidators: 0 },
      { maxValidators: 129 }, { maxTakeBps: 10_001 }, { kappa: (1n << 32n) + 1n }, { bondsMovingAverage: 1_000_001 },
      { minNodeStake: 0n }, { minValidatorStake: 0n },
    ];
    for (const over of bad) {
      await expect(factory.deploy(tokenAddr, owner.address, defaultParams(over))).to.be.revertedWithCustomError(factory, "SubnetInvalidParams");
    }
    await expect(factory.deploy(ethers.ZeroAddress, owner.address, defaultParams())).to.be.revertedWithCustomError(factory, "SubnetInvalidParams");
    await expect(factory.deploy(tokenAddr, ethers.ZeroAddress, defaultParams())).to.be.revertedWithCustomError(factory, "SubnetInvalidParams");
    await expect(factory.deploy(tokenAddr, owner.address, defaultParams({ nodesBps: 6000, validatorsBps: 5000 }))).to.be.revertedWithCustomError(factory, "SubnetBadSplit");
  });

  it("registers a node with its published parameters, self-stake and signing key", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const op = f.nodeOps[2];
    const p = f.nodeParams(2);
    const before = await f.token.balanceOf(op.address);
    await expect(f.as(op).registerNode(p, 3n * E18))
      .to.emit(f.subnet, "NodeRegistered")
      .and.to.emit(f.subnet, "StakeDelegated").withArgs(op.address, op.address, 3n * E18, 3n * E18);
    expect(await f.token.balanceOf(op.address)).to.equal(before - 3n * E18);
    const [registered, slot] = await f.subnet.nodeSlotOf(op.address);
    expect(registered).to.equal(true);
    expect(slot).to.equal(2n);
    const n = await f.subnet.node(2);
    expect(n.operator).to.equal(op.address);
    expect(n.params.signer).to.equal(p.signer);
    expect(n.params.endpoint).to.equal(p.endpoint);
    expect(n.params.pricePerInference).to.equal(p.pricePerInference);
    expect(n.params.region).to.equal("eu-west");
    expect(n.params.energySource).to.equal("solar");
    expect(n.params.carbonIntensity).to.equal(42n);
    expect(n.eligible).to.equal(true);
    expect(n.pool.stake).to.equal(3n * E18);
    expect(n.pool.selfStake).to.equal(3n * E18);
    expect(await f.subnet.nodeCount()).to.deep.equal([3n, 3n]);
    expect(await f.subnet.isAuthorizedSigner(p.signer)).to.equal(true);
    expect(await f.subnet.isAuthorizedSigner(op.address)).to.equal(false);
    expect(await f.subnet.operatorOfSigner(p.signer)).to.equal(op.address);
  });

  it("refuses bad node registrations", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const op = f.nodeOps[2];
    await expect(f.as(f.nodeOps[0]).registerNode(f.nodeParams(5), E18)).to.be.revertedWithCustomError(f.subnet, "SubnetAlreadyRegistered").withArgs(f.nodeOps[0].address);
    await expect(f.as(op).registerNode({ ...f.nodeParams(2), signer: ethers.ZeroAddress }, E18)).to.be.revertedWithCustomError(f.subnet, "SubnetInvalidSigner");
    await expect(f.as(op).registerNode({ ...f.nodeParams(2), signer: op.address }, E18)).to.be.revertedWithCustomError(f.subnet, "SubnetInvalidSigner");
    await expect(f.as(op).registerNode(f.nodeParams(0), E18)).to.be.revertedWithCustomError(f.subnet, "SubnetSignerTaken").withArgs(f.signers[0]);
    await expect(f.as(op).registerNode({ ...f.nodeParams(2), signer: f.validators[0].address }, E18)).to.be.revertedWithCustomError(f.subnet, "SubnetSignerTaken");
    await expect(f.as(op).registerNode(f.nodeParams(2), 0n)).to.be.revertedWithCustomError(f.subnet, "SubnetZeroAmount");
    await expect(f.as(op).registerNode(f.nodeParams(2), E18 - 1n)).to.be.revertedWithCustomError(f.subnet, "SubnetInsufficientStake").withArgs(E18 - 1n, E18);
    await expect(f.as(f.validators[0]).registerNode(f.nodeParams(2), E18)).to.be.revertedWithCustomError(f.subnet, "SubnetAlreadyRegistered");
    // A former validator cannot come back as a node.
    await f.as(f.validators[1]).deregister();
    await expect(f.as(f.validators[1]).registerNode(f.nodeParams(2), E18)).to.be.revertedWithCustomError(f.subnet, "SubnetWrongKind");
  });

  it("updates a node's parameters and signing key", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const op = f.nodeOps[0];
    const newSigner = Wallet.createRandom().address;
    const p = { ...f.nodeParams(0), signer: newSigner, endpoint: "https://moved.example", pricePerInference: 7n };
    await expect(f.as(op).updateNode(p)).to.emit(f.subnet, "NodeUpdated");
    expect(await f.subnet.isAuthorizedSigner(f.signers[0])).to.equal(false);
    expect(await f.subnet.isAuthorizedSigner(newSigner)).to.equal(true);
    expect((await f.subnet.node(0)).params.endpoint).to.equal("https://moved.example");
    await f.as(op).updateNode({ ...p, pricePerInference: 8n }); // same signer
    expect((await f.subnet.node(0)).params.pricePerInference).to.equal(8n);
    await expect(f.as(op).updateNode(f.nodeParams(1))).to.be.revertedWithCustomError(f.subnet, "SubnetSignerTaken");
    await expect(f.as(f.other).updateNode(p)).to.be.revertedWithCustomError(f.subnet, "SubnetNotRegistered");
    await expect(f.as(f.validators[0]).updateNode({ ...p, signer: Wallet.createRandom().address })).to.be.revertedWithCustomError(f.subnet, "SubnetWrongKind");
  });

  it("registers validators and lists their stakes for the disputes committee", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    await expect(f.as(f.validators[2]).registerValidator(10n * E18)).to.emit(f.subnet, "ValidatorRegistered").withArgs(f.validators[2].address, 2n);
    expect(await f.subnet.validatorCount()).to.deep.equal([3n, 3n]);
    expect(await f.subnet.validatorAt(2)).to.equal(f.validators[2].address);
    expect(await f.subnet.isValidator(f.validators[2].address)).to.equal(true);
    expect(await f.subnet.isValidator(f.nodeOps[0].address)).to.equal(false);
    const [vs, stakes] = await f.subnet.validatorStakes();
    expect(vs).to.deep.equal([f.validators[0].address, f.validators[1].address, f.validators[2].address]);
    expect(stakes).to.deep.equal([100n * E18, 50n * E18, 10n * E18]);
    await expect(f.as(f.extra[0]).registerValidator(10n * E18 - 1n)).to.be.revertedWithCustomError(f.subnet, "SubnetInsufficientStake");
    await expect(f.as(f.validators[0]).registerValidator(10n * E18)).to.be.revertedWithCustomError(f.subnet, "SubnetAlreadyRegistered");
    await f.as(f.nodeOps[1]).deregister();
    await expect(f.as(f.nodeOps[1]).registerValidator(10n * E18)).to.be.revertedWithCustomError(f.subnet, "SubnetWrongKind");
  });

  it("replaces the weakest non-immune validator when full, only for a larger pool", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    await f.as(f.validators[2]).registerValidator(10n * E18);
    // All three are immune right after registering (immunity 5 blocks).
    await expect(f.as(f.extra[0]).registerValidator(500n * E18)).to.be.revertedWithCustomError(f.subnet, "SubnetAllImmune");
    await networkHelpers.mine(5);
    await expect(f.as(f.extra[0]).registerValidator(10n * E18)).to.be.revertedWithCustomError(f.subnet, "SubnetFull");
    await expect(f.as(f.extra[0]).registerValidator(11n * E18))
      .to.emit(f.subnet, "OperatorDeregistered").withArgs(f.validators[2].address, 2n, true)
      .and.to.emit(f.subnet, "ValidatorRegistered").withArgs(f.extra[0].address, 2n);
    expect(await f.subnet.isValidator(f.validators[2].address)).to.equal(false);
    // The replaced validator keeps its pool and can leave with its stake.
    const pos = await f.subnet.position(f.validators[2].address, f.validators[2].address);
    await f.as(f.validators[2]).undelegate(f.validators[2].address, pos.shares);
  });

  it("replaces the lowest-incentive non-immune node when full", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    await f.as(f.nodeOps[2]).registerNode(f.nodeParams(2), E18);
    await f.as(f.nodeOps[3]).registerNode(f.nodeParams(3), E18);
    // One epoch where validators weight nodes 0, 1, 3 but not 2: node 2 has the lowest incentive.
    await f.runEpoch([
      [f.validators[0], [0, 1, 3], [100, 200, 300]],
      [f.validators[1], [0, 1, 3], [100, 200, 300]],
    ]);
    const res = await f.subnet.epochResults();
    expect(res.incentive[2]).to.equal(0n);
    expect(res.incentive[0]).to.be.greaterThan(0n);
    const newcomer = f.extra[0];
    await expect(f.as(newcomer).registerNode(f.nodeParams(6), E18))
      .to.emit(f.subnet, "OperatorDeregistered").withArgs(f.nodeOps[2].address, 2n, true);
    expect((await f.subnet.node(2)).operator).to.equal(newcomer.address);
    expect((await f.subnet.node(2)).incentive).to.equal(0n);
    expect(await f.subnet.isAuthorizedSigner(f.signers[2])).to.equal(false);
    expect(await f.subnet.isAuthorizedSigner(f.signers[6])).to.equal(true);
    // The newcomer is immune: the next registration replaces another (lowest incentive, lowest slot on ties).
    await expect(f.as(f.extra[1]).registerNode(f.nodeParams(7), E18))
      .to.emit(f.subnet, "OperatorDeregistered").withArgs(f.nodeOps[0].address, 0n, true);
  });

  it("refuses a node registration when every node is immune", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    await f.as(f.nodeOps[2]).registerNode(f.nodeParams(2), E18);
    await f.as(f.nodeOps[3]).registerNode(f.nodeParams(3), E18);
    const [owner] = await ethers.getSigners();
    const { token, subnet } = await deploySubnet(ethers, owner, defaultParams({ maxNodes: 1, immunityBlocks: 1000n }));
    await token.mint(f.extra[0].address, 10n * E18);
    await token.mint(f.extra[1].address, 10n * E18);
    await (token.connect(f.extra[0]) as any).approve(await subnet.getAddress(), 10n * E18);
    await (token.connect(f.extra[1]) as any).approve(await subnet.getAddress(), 10n * E18);
    await (subnet.connect(f.extra[0]) as any).registerNode(f.nodeParams(8), E18);
    await expect((subnet.connect(f.extra[1]) as any).registerNode(f.nodeParams(9), E18)).to.be.revertedWithCustomError(subnet, "SubnetAllImmune");
  });

  it("deregisters, frees the slot for reuse and keeps the pool withdrawable", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const op = f.nodeOps[0];
    await expect(f.as(op).deregister()).to.emit(f.subnet, "OperatorDeregistered").withArgs(op.address, 0n, false);
    expect(await f.subnet.isAuthorizedSigner(f.signers[0])).to.equal(false);
    // The retired key stays attributed to its operator (receipts it signed can still be challenged).
    expect(await f.subnet.operatorOfSigner(f.signers[0])).to.equal(op.address);
    expect((await f.subnet.node(0)).operator).to.equal(ethers.ZeroAddress);
    expect(await f.subnet.nodeCount()).to.deep.equal([1n, 2n]);
    await expect(f.as(op).deregister()).to.be.revertedWithCustomError(f.subnet, "SubnetNotRegistered");
    await expect(f.as(f.delegator).delegate(op.address, E18)).to.be.revertedWithCustomError(f.subnet, "SubnetNotRegistered");
    // The whole self-stake can now be undelegated.
    const pos = await f.subnet.position(op.address, op.address);
    await f.as(op).undelegate(op.address, pos.shares);
    // A new node takes the freed slot 0; the old operator may re-register (and gets a new slot).
    await f.as(f.nodeOps[2]).registerNode(f.nodeParams(2), E18);
    expect((await f.subnet.nodeSlotOf(f.nodeOps[2].address))[1]).to.equal(0n);
    await f.as(op).registerNode(f.nodeParams(3), E18);
    expect((await f.subnet.nodeSlotOf(op.address))[1]).to.equal(2n);
    // Validators free their slot too.
    await f.as(f.validators[1]).deregister();
    expect(await f.subnet.validatorAt(1)).to.equal(ethers.ZeroAddress);
    await f.as(f.validators[2]).registerValidator(10n * E18);
    expect(await f.subnet.validatorAt(1)).to.equal(f.validators[2].address);
  });

  it("blocks registration changes while an epoch is being finalised", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const e = await f.nextEpoch();
    await f.commit(f.validators[0], e, [0, 1], [1, 2]);
    await f.toReveal(e);
    await f.as(f.validators[0]).revealWeights([0, 1], [1, 2], "0x" + "5a".repeat(32));
    await f.toEnd(e);
    await f.subnet.finalizeEpoch(1); // START + one COLUMNS step, not done
    expect((await f.subnet.epochStatus())[1]).to.equal(true);
    await expect(f.as(f.nodeOps[2]).registerNode(f.nodeParams(2), E18)).to.be.revertedWithCustomError(f.subnet, "SubnetFinalizing").withArgs(e);
    await expect(f.as(f.validators[2]).registerValidator(10n * E18)).to.be.revertedWithCustomError(f.subnet, "SubnetFinalizing");
    await expect(f.as(f.nodeOps[0]).deregister()).to.be.revertedWithCustomError(f.subnet, "SubnetFinalizing");
    await f.subnet.finalizeEpoch(100);
    await f.as(f.nodeOps[2]).registerNode(f.nodeParams(2), E18);
  });
});
