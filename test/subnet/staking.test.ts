// Subnet staking: delegation shares, unbonding queue, withdrawals, rewards per share, take, slashing.
import { expect } from "chai";
import { network } from "hardhat";
import { E18, subnetFixture } from "./subnetFixture.js";

const conn = await network.create();
const { networkHelpers, ethers } = conn;
const fixture = () => subnetFixture(conn);

describe("Subnet staking", () => {
  it("delegates with share accounting and lists positions", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const op = f.nodeOps[0].address;
    await expect(f.as(f.delegator).delegate(op, 10n * E18)).to.emit(f.subnet, "StakeDelegated").withArgs(op, f.delegator.address, 10n * E18, 10n * E18);
    const pool = await f.subnet.pool(op);
    expect(pool.stake).to.equal(15n * E18);
    expect(pool.shares).to.equal(15n * E18);
    expect(pool.selfStake).to.equal(5n * E18);
    expect(pool.kind).to.equal(1n);
    const pos = await f.subnet.position(op, f.delegator.address);
    expect(pos.shares).to.equal(10n * E18);
    expect(pos.stake).to.equal(10n * E18);
    expect(pos.unbonding).to.deep.equal([]);
    await f.as(f.delegator).delegate(f.validators[0].address, E18);
    expect(await f.subnet.positionsOf(f.delegator.address)).to.deep.equal([op, f.validators[0].address]);
    await f.as(f.delegator).delegate(op, E18);
    expect(await f.subnet.positionsOf(f.delegator.address)).to.deep.equal([op, f.validators[0].address]);
    await expect(f.as(f.delegator).delegate(op, 0n)).to.be.revertedWithCustomError(f.subnet, "SubnetZeroAmount");
    await expect(f.as(f.delegator).delegate(f.other.address, E18)).to.be.revertedWithCustomError(f.subnet, "SubnetNotRegistered");
  });

  it("undelegates into an unbonding queue and withdraws after the delay", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const op = f.nodeOps[0].address;
    await f.as(f.delegator).delegate(op, 10n * E18);
    const tx = f.as(f.delegator).undelegate(op, 4n * E18);
    const release = BigInt(await ethers.provider.getBlockNumber()) + 1n + 10n;
    await expect(tx).to.emit(f.subnet, "StakeUndelegated").withArgs(op, f.delegator.address, 0n, 4n * E18, release);
    await f.as(f.delegator).undelegate(op, E18);
    const pos = await f.subnet.position(op, f.delegator.address);
    expect(pos.shares).to.equal(5n * E18);
    expect(pos.unbonding.map((u: any) => [u.id, u.amount])).to.deep.equal([[0n, 4n * E18], [1n, E18]]);
    expect((await f.subnet.pool(op)).unbondingStake).to.equal(5n * E18);
    await expect(f.as(f.delegator).withdraw(op, 0)).to.be.revertedWithCustomError(f.subnet, "SubnetStillUnbonding").withArgs(release);
    await expect(f.as(f.delegator).withdraw(op, 7)).to.be.revertedWithCustomError(f.subnet, "SubnetUnknownUnbonding").withArgs(7n);
    await networkHelpers.mineUpTo(release);
    const before = await f.token.balanceOf(f.delegator.address);
    await expect(f.as(f.delegator).withdraw(op, 0)).to.emit(f.subnet, "StakeWithdrawn").withArgs(op, f.delegator.address, 0n, 4n * E18);
    expect(await f.token.balanceOf(f.delegator.address)).to.equal(before + 4n * E18);
    await expect(f.as(f.delegator).withdraw(op, 0)).to.be.revertedWithCustomError(f.subnet, "SubnetUnknownUnbonding");
    await expect(f.as(f.other).withdraw(op, 1)).to.be.revertedWithCustomError(f.subnet, "SubnetUnknownUnbonding");
    expect((await f.subnet.position(op, f.delegator.address)).unbonding.length).to.equal(1);
  });

  it("refuses bad undelegations", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const op = f.nodeOps[0];
    await expect(f.as(f.delegator).undelegate(op.address, 0n)).to.be.revertedWithCustomError(f.subnet, "SubnetZeroAmount");
    await expect(f.as(f.delegator).undelegate(op.address, 1n)).to.be.revertedWithCustomError(f.subnet, "SubnetInsufficientShares").withArgs(0n, 1n);
    // A registered operator keeps at least the minimum self-stake.
    await expect(f.as(op).undelegate(op.address, 4n * E18 + 1n)).to.be.revertedWithCustomError(f.subnet, "SubnetInsufficientStake").withArgs(E18 - 1n, E18);
    await f.as(op).undelegate(op.address, 4n * E18);
    expect((await f.subnet.pool(op.address)).selfStake).to.equal(E18);
    // After a full slash the shares are worth nothing.
    await f.as(f.delegator).delegate(op.address, E18);
    await f.subnet.connect(f.slasher).slash(op.address, E18, 0n, ethers.ZeroAddress, false);
    await expect(f.as(f.delegator).undelegate(op.address, E18)).to.be.revertedWithCustomError(f.subnet, "SubnetZeroAmount");
    await expect(f.as(f.delegator).delegate(op.address, E18)).to.be.revertedWithCustomError(f.subnet, "SubnetPoolDepleted").withArgs(op.address);
  });

  it("pays rewards per share, the operator take first, with O(1) claims", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const op = f.nodeOps[0];
    await f.as(op).setTake(200);
    await f.as(f.delegator).delegate(op.address, 15n * E18); // pool: 5 self + 15 delegated
    await f.runEpoch([[f.validators[0], [0], [1]], [f.validators[1], [0], [1]]]);
    const res = await f.subnet.epochResults();
    const reward: bigint = res.nodeEmission[0];
    expect(reward).to.be.greaterThan(0n);
    const fee = (reward * 200n) / 10_000n;
    const rest = reward - fee;
    const pendingDel = await f.subnet.pendingRewards(op.address, f.delegator.address);
    const pendingOp = await f.subnet.pendingRewards(op.address, op.address);
    expect(pendingDel).to.be.closeTo((rest * 3n) / 4n, 2n);
    expect(pendingOp).to.be.closeTo(fee + rest / 4n, 2n);
    expect(pendingDel + pendingOp).to.be.lte(reward);
    expect((await f.subnet.pool(op.address)).pendingCommission).to.equal(fee);
    expect((await f.subnet.position(op.address, f.delegator.address)).pendingRewards).to.equal(pendingDel);
    const before = await f.token.balanceOf(f.delegator.address);
    await expect(f.as(f.delegator).claim(op.address)).to.emit(f.subnet, "RewardsClaimed").withArgs(op.address, f.delegator.address, pendingDel);
    expect(await f.token.balanceOf(f.delegator.address)).to.equal(before + pendingDel);
    await expect(f.as(f.delegator).claim(op.address)).to.emit(f.subnet, "RewardsClaimed").withArgs(op.address, f.delegator.address, 0n);
    await f.as(op).claim(op.address);
    expect(await f.subnet.pendingRewards(op.address, op.address)).to.equal(0n);
    // Rewards keep accruing to shares held through later delegations (settled, not lost).
    await f.runEpoch([[f.validators[0], [0], [1]]]);
    const p1 = await f.subnet.pendingRewards(op.address, f.delegator.address);
    await f.as(f.delegator).delegate(op.address, E18);
    expect(await f.subnet.pendingRewards(op.address, f.delegator.address)).to.equal(p1);
    await f.as(f.delegator).undelegate(op.address, E18);
    expect(await f.subnet.pendingRewards(op.address, f.delegator.address)).to.equal(p1);
  });

  it("rate-limits take increases and caps the take", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const op = f.validators[0];
    await expect(f.as(op).setTake(200)).to.emit(f.subnet, "TakeChanged").withArgs(op.address, 0n, 200n);
    await expect(f.as(op).setTake(400)).to.be.revertedWithCustomError(f.subnet, "SubnetTakeCooldown");
    await networkHelpers.mine(10);
    await expect(f.as(op).setTake(401)).to.be.revertedWithCustomError(f.subnet, "SubnetTakeStepTooLarge").withArgs(200n, 401n);
    await f.as(op).setTake(400);
    await expect(f.as(op).setTake(1801)).to.be.revertedWithCustomError(f.subnet, "SubnetTakeTooHigh").withArgs(1801n, 1800n);
    await f.as(op).setTake(0); // decreases are immediate
    expect((await f.subnet.pool(op.address)).takeBps).to.equal(0n);
    await expect(f.as(f.other).setTake(1)).to.be.revertedWithCustomError(f.subnet, "SubnetNotRegistered");
  });

  it("slashes self, delegated and unbonding stake proportionally, rewards the beneficiary, burns the rest, jails", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const op = f.nodeOps[0];
    await f.as(f.delegator).delegate(op.address, 15n * E18);
    await f.as(f.delegator).undelegate(op.address, 10n * E18); // bonded 10 (5 self + 5), unbonding 10
    const supply = await f.token.totalSupply();
    const benBefore = await f.token.balanceOf(f.other.address);
    const frac = 3n * 10n ** 17n; // 30%
    await expect(f.subnet.connect(f.slasher).slash(op.address, frac, 5n * 10n ** 17n, f.other.address, true))
      .to.emit(f.subnet, "OperatorSlashed").withArgs(op.address, frac, 6n * E18, 3n * E18, f.other.address, true);
    expect(await f.token.balanceOf(f.other.address)).to.equal(benBefore + 3n * E18);
    expect(await f.token.totalSupply()).to.equal(supply - 3n * E18);
    const pool = await f.subnet.pool(op.address);
    expect(pool.stake).to.equal(7n * E18);
    expect(pool.unbondingStake).to.equal(7n * E18);
    expect(pool.selfStake).to.equal(35n * 10n ** 17n);
    const pos = await f.subnet.position(op.address, f.delegator.address);
    expect(pos.stake).to.equal(35n * 10n ** 17n);
    expect(pos.unbonding[0].amount).to.equal(7n * E18);
    expect(await f.subnet.isAuthorizedSigner(f.signers[0])).to.equal(false);
    expect((await f.subnet.node(0)).eligible).to.equal(false);
    expect(pool.jailedUntil).to.equal(BigInt(await ethers.provider.getBlockNumber()) + 50n);
    // Jail expires; an unjailed node signs again.
    await networkHelpers.mine(50);
    expect(await f.subnet.isAuthorizedSigner(f.signers[0])).to.equal(true);
    // Withdraw pays the slashed amount, never the original.
    await networkHelpers.mine(10);
    const b = await f.token.balanceOf(f.delegator.address);
    await f.as(f.delegator).withdraw(op.address, 0);
    expect(await f.token.balanceOf(f.delegator.address)).to.equal(b + 7n * E18);
  });

  it("jails validators out of the committee list and blocks re-registration while jailed", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const v = f.validators[1];
    await f.subnet.connect(f.slasher).slash(v.address, 0n, 0n, ethers.ZeroAddress, true);
    expect(await f.subnet.isValidator(v.address)).to.equal(false);
    expect((await f.subnet.validatorStakes())[0]).to.deep.equal([f.validators[0].address]);
    await f.as(v).deregister();
    await expect(f.as(v).registerValidator(10n * E18)).to.be.revertedWithCustomError(f.subnet, "SubnetJailed");
    // A node slashed below its minimum self-stake stops signing until topped up.
    await f.subnet.connect(f.slasher).slash(f.nodeOps[1].address, 9n * 10n ** 17n, 0n, ethers.ZeroAddress, false);
    expect(await f.subnet.isAuthorizedSigner(f.signers[1])).to.equal(false);
    await f.as(f.nodeOps[1]).delegate(f.nodeOps[1].address, E18);
    expect(await f.subnet.isAuthorizedSigner(f.signers[1])).to.equal(true);
  });

  it("restricts slashing to the slasher role and checks its arguments", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const role = await f.subnet.SLASHER_ROLE();
    await expect(f.subnet.connect(f.other).slash(f.nodeOps[0].address, 1n, 0n, f.other.address, false))
      .to.be.revertedWithCustomError(f.subnet, "AccessControlUnauthorizedAccount").withArgs(f.other.address, role);
    await expect(f.subnet.connect(f.slasher).slash(f.nodeOps[0].address, E18 + 1n, 0n, f.other.address, false)).to.be.revertedWithCustomError(f.subnet, "SubnetBadFraction").withArgs(E18 + 1n);
    await expect(f.subnet.connect(f.slasher).slash(f.nodeOps[0].address, 1n, E18 + 1n, f.other.address, false)).to.be.revertedWithCustomError(f.subnet, "SubnetBadFraction");
    await expect(f.subnet.connect(f.slasher).slash(f.other.address, 1n, 0n, f.other.address, false)).to.be.revertedWithCustomError(f.subnet, "SubnetNotRegistered");
    // No beneficiary: everything is burned.
    const supply = await f.token.totalSupply();
    await f.subnet.connect(f.slasher).slash(f.nodeOps[0].address, 10n ** 17n, E18, ethers.ZeroAddress, false);
    expect(await f.token.totalSupply()).to.equal(supply - 5n * 10n ** 17n);
  });
});
