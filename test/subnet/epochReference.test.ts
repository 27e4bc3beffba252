// The Subnet contract's epoch equals the TypeScript reference (client/subnet) exactly, on >= 200 random epochs.
import { expect } from "chai";
import { network } from "hardhat";
import type { Wallet } from "ethers";
import { runYumaEpoch } from "../../client/subnet/index.js";
import { commitHashOf, defaultParams, deploySubnet, fundedWallets, fundStakers, mineTo, registerValidators } from "./helpers.js";
import { prng } from "./prng.js";
import { expectEpochResults } from "./expectEpochResults.js";

const { ethers } = await network.create();
const E18 = 10n ** 18n;
const SUBNETS = 18;
const EPOCHS = 12;
const GAS = { gasLimit: 5_000_000n };

describe("Subnet epoch vs TypeScript reference", () => {
  it(`agrees exactly on ${SUBNETS * EPOCHS} random epochs over ${SUBNETS} random subnets`, async () => {
    const [owner] = await ethers.getSigners();
    const ops = await fundedWallets(ethers, 16, 31);
    const signerAddrs = (await fundedWallets(ethers, 24, 32)).map((w) => w.address);
    let checked = 0;
    let withIncentive = 0;
    for (let k = 0; k < SUBNETS; k++) {
      const r = prng(1000 + k);
      const V = 1 + r.int(4);
      const N = 1 + r.int(8);
      const params = defaultParams({
        epochLength: 30n,
        commitBlocks: 15n,
        emissionPerEpoch: r.big(1n, 10n ** 24n),
        maxNodes: N,
        maxValidators: V + 1,
        immunityBlocks: 3n,
        kappa: r.big(1n << 30n, 3n << 30n),
        bondsMovingAverage: 800_000 + r.int(199_000),
        nodesBps: 3000 + r.int(2000),
        validatorsBps: 3000 + r.int(2000),
      });
      const { token, subnet } = await deploySubnet(ethers, owner, params);
      await subnet.grantRole(await subnet.SLASHER_ROLE(), owner.address, GAS);
      await fundStakers(token, subnet, ops, 10_000n * E18, GAS);
      const as = (w: Wallet) => subnet.connect(w) as any;
      let nextSigner = 0;
      const nodeOps: Wallet[] = [];
      const valOps: Wallet[] = ops.slice(0, V + 1);
      const regNode = async (w: Wallet) => {
        const p = { signer: signerAddrs[(k * 7 + nextSigner++) % signerAddrs.length], endpoint: "http://n", pricePerInference: 1n, region: "r", energySource: "e", carbonIntensity: 1 };
        await as(w).registerNode(p, r.big(E18, 20n * E18), GAS);
      };
      for (let j = 0; j < N; j++) {
        nodeOps.push(ops[V + 1 + j]);
        await regNode(ops[V + 1 + j]);
      }
      await registerValidators(subnet, valOps.slice(0, V), () => r.big(10n * E18, 200n * E18), GAS);
      const spare = ops.slice(V + 1 + N);
      const genesis = await subnet.genesisBlock();

      const finalizeAndCheck = async () => {
        const [completed] = await subnet.epochStatus();
        const [, nSlots] = await subnet.nodeCount();
        const [, vSlots] = await subnet.validatorCount();
        const p = await subnet.params();
        const stake: bigint[] = [];
        const weights: (number[] | null)[] = [];
        for (let v = 0; v < Number(vSlots); v++) {
          const op = await subnet.validatorAt(v);
          const pool = op === ethers.ZeroAddress ? null : await subnet.pool(op);
          const eligible = pool && pool.registered && pool.selfStake >= p.minValidatorStake;
          stake.push(eligible ? pool!.stake : 0n);
          const [ids, ws] = eligible ? await subnet.epochWeights(completed, op) : [[], []];
          const revealed = eligible && revealedBy.has(op);
          const row = revealed ? new Array(Number(nSlots)).fill(0) : null;
          if (row) ids.forEach((id: bigint, i: number) => (row[Number(id)] = Number(ws[i])));
          weights.push(row);
        }
        const bonds = ((await subnet.bonds()) as bigint[][]).map((row) => row.map(Number));
        const nodeEligible: boolean[] = [];
        for (let j = 0; j < Number(nSlots); j++) nodeEligible.push((await subnet.node(j)).eligible);
        const ref = runYumaEpoch({
          stake, weights, bonds, nodes: Number(nSlots), nodeEligible,
          kappa: p.kappa, bondsMovingAverage: p.bondsMovingAverage, emission: p.emissionPerEpoch,
          nodesBps: Number(p.nodesBps), validatorsBps: Number(p.validatorsBps),
        });
        let ev: any;
        for (;;) {
          const rc = await (await subnet.finalizeEpoch(1 + r.int(3), GAS)).wait();
          for (const log of rc.logs) {
            const parsed = subnet.interface.parseLog(log);
            if (parsed?.name === "EpochFinalized") ev = parsed.args;
          }
          if (ev) break;
        }
        const res = await subnet.epochResults();
        const ctx = `subnet ${k} epoch ${completed}`;
        expect(res.stake.map(BigInt), ctx).to.deep.equal(ref.stake);
        expect(res.activeStake.map(BigInt), ctx).to.deep.equal(ref.activeStake);
        expectEpochResults(res, ref, ctx);
        res.nodeEmission.forEach((x: bigint, j: number) => {
          if (nodeEligible[j]) expect(x, ctx).to.equal(ref.nodeReward[j]);
        });
        expect(((await subnet.bonds()) as bigint[][]).map((row) => row.map(Number)), ctx).to.deep.equal(ref.bonds);
        expect(ev.ownerAmount, ctx).to.equal(ref.ownerAmount);
        expect(ev.burned, ctx).to.equal(ref.burned);
        expect(ev.paid, ctx).to.equal(p.emissionPerEpoch - ref.ownerAmount - ref.burned);
        if (ref.incentive.some((x) => x > 0n)) withIncentive++;
        checked++;
      };

      let revealedBy = new Set<string>();
      for (let ep = 0; ep < EPOCHS; ep++) {
        const e = (await subnet.currentEpoch()) + 1n;
        await mineTo(ethers, genesis + e * 30n);
        for (;;) {
          const [completed] = await subnet.epochStatus();
          if (completed >= e) break;
          await finalizeAndCheck();
          revealedBy = new Set();
        }
        // Commit phase: random validators commit random weights over random node subsets.
        const [, nSlots] = await subnet.nodeCount();
        const plans = new Map<string, { ids: number[]; ws: number[]; salt: string }>();
        for (const w of valOps) {
          const pool = await subnet.pool(w.address);
          if (!pool.registered || pool.selfStake < params.minValidatorStake || r.chance(0.15)) continue;
          const ids: number[] = [];
          const ws: number[] = [];
          for (let j = 0; j < Number(nSlots); j++) {
            const n = await subnet.node(j);
            if (n.operator !== ethers.ZeroAddress && r.chance(0.8)) {
              ids.push(j);
              ws.push(r.chance(0.1) ? 0 : r.chance(0.3) ? 65535 : 1 + r.int(65535));
            }
          }
          const salt = ethers.hexlify(ethers.randomBytes(32));
          plans.set(w.address, { ids, ws, salt });
          await as(w).commitWeights(commitHashOf(w.address, e, ids, ws, salt), GAS);
        }
        // Random stake and membership changes inside the epoch.
        for (let m = r.int(4); m > 0; m--) {
          const kind = r.int(6);
          const target = r.pick([...nodeOps, ...valOps]);
          const tp = await subnet.pool(target.address);
          if (kind <= 1 && tp.registered) await as(r.pick(ops)).delegate(target.address, r.big(1n, 50n * E18), GAS);
          if (kind === 2 && tp.shares > 0n) {
            const who = r.pick(ops);
            const pos = await subnet.position(target.address, who.address);
            if (pos.shares > 1n && who.address !== target.address) await as(who).undelegate(target.address, pos.shares / 2n, GAS);
          }
          if (kind === 3 && spare.length > 0 && r.chance(0.5)) {
            const w = spare.pop()!;
            try {
              await regNode(w);
              nodeOps.push(w);
            } catch {
              spare.push(w); // all nodes immune
            }
          }
          if (kind === 5 && tp.kind > 0n) {
            await subnet.slash(target.address, r.big(0n, 10n ** 18n / 2n), r.big(0n, 10n ** 18n), owner.address, false, GAS);
          }
          if (kind === 4 && tp.registered && tp.selfStake > E18) {
            // The operator takes part of its self-stake out, possibly dropping below the minimum.
            const own = await subnet.position(target.address, target.address);
            try {
              await as(target).undelegate(target.address, own.shares / 3n, GAS);
            } catch {
              /* would drop a registered operator below the minimum: refused */
            }
          }
        }
        // Reveal phase.
        await mineTo(ethers, genesis + e * 30n + 15n);
        for (const w of valOps) {
          const plan = plans.get(w.address);
          if (!plan || r.chance(0.1)) continue;
          try {
            await as(w).revealWeights(plan.ids, plan.ws, plan.salt, GAS);
            revealedBy.add(w.address);
          } catch {
            /* validator no longer eligible (stake dropped): its reveal is refused */
          }
        }
      }
      const e = (await subnet.currentEpoch()) + 1n;
      await mineTo(ethers, genesis + e * 30n);
      const [completed] = await subnet.epochStatus();
      if (completed < e) await finalizeAndCheck();
    }
    expect(checked).to.be.at.least(200);
    expect(withIncentive).to.be.at.least(100);
  });
});
