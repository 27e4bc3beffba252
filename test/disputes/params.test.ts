// Challenges parameters: defaults, owner-only updates with events, bounds, constructor checks.
import { expect } from "chai";
import { network } from "hardhat";
import { ZeroAddress } from "ethers";
import { deployDisputes, plainParams, WAD } from "./disputesFixture.js";

const conn = await network.create();
const { networkHelpers, ethers } = conn;
const fixture = () => deployDisputes(conn);

const DEFAULTS = {
  commitWindow: 3600n,
  responseWindow: 3600n,
  voteCommitWindow: 600n,
  voteRevealWindow: 600n,
  drawDelay: 1n,
  committeeSize: 5n,
  quorumWad: WAD / 2n,
  inclusionBond: WAD,
  wrongOutputBond: 100n * WAD,
  doubleSignSlashWad: WAD / 2n,
  inclusionSlashWad: WAD / 10n,
  wrongOutputSlashWad: WAD / 10n,
  challengerRewardWad: WAD / 2n,
  committeeShareWad: WAD / 2n,
  jailOnSlash: true,
};

describe("Challenges: parameters", () => {
  it("starts at the documented defaults and wires its dependencies", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    expect(plainParams(await f.challenges.params())).to.deep.equal(DEFAULTS);
    expect(plainParams(await f.challenges.defaultParams())).to.deep.equal(DEFAULTS);
    expect(await f.challenges.auditLog()).to.equal(await f.auditLog.getAddress());
    expect(await f.challenges.slashable()).to.equal(await f.subnet.getAddress());
    expect(await f.challenges.token()).to.equal(await f.token.getAddress());
    expect(await f.challenges.owner()).to.equal(f.owner.address);
  });

  it("lets the owner set parameters, with an event, and applies them to the next challenge", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const next = { ...DEFAULTS, committeeSize: 3n, voteCommitWindow: 30n, wrongOutputBond: 7n * WAD, jailOnSlash: false };
    await expect(f.challenges.setParams(next)).to.emit(f.challenges, "ParamsUpdated");
    expect(plainParams(await f.challenges.params())).to.deep.equal(next);
    const r = f.receipt(1n);
    await f.challenges.connect(f.challenger).openWrongOutputChallenge(r, await f.sign(r), [], "");
    await networkHelpers.mine();
    await f.challenges.drawCommittee(1n);
    const c = await f.challenges.getChallenge(1n);
    expect(c.bond).to.equal(7n * WAD);
    expect(c.commitDeadline - BigInt(await networkHelpers.time.latest())).to.equal(30n);
    expect((await f.challenges.committeeOf(1n)).length).to.equal(3);
  });

  it("refuses non-owners", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    await expect(f.challenges.connect(f.stranger).setParams(DEFAULTS))
      .to.be.revertedWithCustomError(f.challenges, "OwnableUnauthorizedAccount")
      .withArgs(f.stranger.address);
  });

  it("refuses every out-of-bounds value by name", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const bad: [string, Partial<typeof DEFAULTS>][] = [
      ["commitWindow", { commitWindow: 9n }],
      ["responseWindow", { responseWindow: 31n * 86400n }],
      ["voteCommitWindow", { voteCommitWindow: 0n }],
      ["voteRevealWindow", { voteRevealWindow: 9n }],
      ["drawDelay", { drawDelay: 0n }],
      ["drawDelay", { drawDelay: 65n }],
      ["committeeSize", { committeeSize: 0n }],
      ["committeeSize", { committeeSize: 33n }],
      ["quorumWad", { quorumWad: 0n }],
      ["quorumWad", { quorumWad: WAD + 1n }],
      ["wrongOutputBond", { wrongOutputBond: 0n, inclusionBond: 0n }],
      ["inclusionBond", { inclusionBond: 101n * WAD }],
      ["doubleSignSlashWad", { doubleSignSlashWad: 0n }],
      ["inclusionSlashWad", { inclusionSlashWad: WAD + 1n }],
      ["wrongOutputSlashWad", { wrongOutputSlashWad: 0n }],
      ["challengerRewardWad", { challengerRewardWad: WAD + 1n }],
      ["committeeShareWad", { committeeShareWad: WAD + 1n }],
    ];
    for (const [name, change] of bad) {
      await expect(f.challenges.setParams({ ...DEFAULTS, ...change }))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesInvalidParameter")
        .withArgs(name);
    }
    // The bounds themselves are accepted.
    const edge = { ...DEFAULTS, commitWindow: 10n, responseWindow: 30n * 86400n, drawDelay: 64n, committeeSize: 32n, quorumWad: WAD, inclusionBond: 0n, doubleSignSlashWad: WAD, challengerRewardWad: 0n, committeeShareWad: WAD };
    await expect(f.challenges.setParams(edge)).to.emit(f.challenges, "ParamsUpdated");
  });

  it("refuses zero addresses at construction", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const factory = await ethers.getContractFactory("Challenges");
    const [a, s, t] = [await f.auditLog.getAddress(), await f.subnet.getAddress(), await f.token.getAddress()];
    for (const args of [[ZeroAddress, s, t], [a, ZeroAddress, t], [a, s, ZeroAddress]]) {
      await expect(factory.deploy(args[0], args[1], args[2], f.owner.address)).to.be.revertedWithCustomError(
        factory,
        "ChallengesZeroAddress",
      );
    }
    await expect(factory.deploy(a, s, t, ZeroAddress)).to.be.revertedWithCustomError(factory, "OwnableInvalidOwner");
  });
});
