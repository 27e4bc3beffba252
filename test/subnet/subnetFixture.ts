// Fixture for the Subnet unit tests: token, Subnet, two nodes, two validators, a delegator and a slasher.
import type { NetworkConnection } from "hardhat/types/network";
import { Wallet } from "ethers";
import { commitHashOf, defaultParams, deploySubnet, fundStakers, mineTo } from "./helpers.js";

export const E18 = 10n ** 18n;
export const SALT = "0x" + "5a".repeat(32);

/** Deploys and populates a small subnet (epoch 40 blocks, commit window 20, caps 4 nodes / 3 validators). */
export async function subnetFixture(conn: NetworkConnection) {
  const { ethers } = conn;
  const s = await ethers.getSigners();
  const [owner, slasher, delegator, other] = s;
  const nodeOps = s.slice(4, 8);
  const validators = s.slice(8, 11);
  const extra = s.slice(11, 20);
  const params = defaultParams({ epochLength: 40n, commitBlocks: 20n, maxNodes: 4, maxValidators: 3 });
  const { token, subnet } = await deploySubnet(ethers, owner, params);
  await subnet.grantRole(await subnet.SLASHER_ROLE(), slasher.address);
  await fundStakers(token, subnet, s.slice(2), 10_000n * E18);
  const signers = Array.from({ length: 12 }, (_, i) => Wallet.createRandom().address).map((a, i) => (i >= 0 ? a : a));
  const nodeParams = (i: number) => ({
    signer: signers[i],
    endpoint: `https://node${i}.example`,
    pricePerInference: BigInt(1000 + i),
    region: "eu-west",
    energySource: "solar",
    carbonIntensity: 40 + i,
  });
  const as = (w: { address: string }) => subnet.connect(w as any) as any;
  await as(nodeOps[0]).registerNode(nodeParams(0), 5n * E18);
  await as(nodeOps[1]).registerNode(nodeParams(1), 5n * E18);
  await as(validators[0]).registerValidator(100n * E18);
  await as(validators[1]).registerValidator(50n * E18);
  const genesis: bigint = await subnet.genesisBlock();
  const L: bigint = params.epochLength as bigint;
  const C: bigint = params.commitBlocks as bigint;

  /** Mines to the start of the next epoch and finalises every earlier epoch; returns the epoch number. */
  const nextEpoch = async (): Promise<bigint> => {
    const e: bigint = (await subnet.currentEpoch()) + 1n;
    await mineTo(ethers, genesis + e * L);
    await catchUp(e);
    return e;
  };
  const catchUp = async (e: bigint) => {
    for (;;) {
      const [done] = await subnet.epochStatus();
      if (done >= e) return;
      await subnet.finalizeEpoch(1000);
    }
  };
  const toReveal = async (e: bigint) => mineTo(ethers, genesis + e * L + C);
  const toEnd = async (e: bigint) => mineTo(ethers, genesis + (e + 1n) * L);
  const commit = async (v: { address: string }, e: bigint, ids: number[], ws: number[], salt = SALT) =>
    as(v).commitWeights(commitHashOf(v.address, e, ids, ws, salt));
  /** A full epoch: every listed validator commits and reveals its weights, then the epoch is finalised. */
  const runEpoch = async (plan: [{ address: string }, number[], number[]][]) => {
    const e = await nextEpoch();
    for (const [v, ids, ws] of plan) await commit(v, e, ids, ws);
    await toReveal(e);
    for (const [v, ids, ws] of plan) await as(v).revealWeights(ids, ws, SALT);
    await toEnd(e);
    await catchUp(e + 1n);
    return e;
  };
  return { ethers, owner, slasher, delegator, other, nodeOps, validators, extra, token, subnet, params, signers, nodeParams, as, genesis, L, C, nextEpoch, catchUp, toReveal, toEnd, commit, runEpoch };
}
