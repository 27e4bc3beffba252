// Invariant fuzz of the Subnet's money paths: 1000 pinned-seed random sequences, every invariant after every step.
import { expect } from "chai";
import { network } from "hardhat";
import { Wallet, type Log } from "ethers";
import { commitHashOf, defaultParams, deploySubnet, fundStakers, mineTo } from "./helpers.js";
import { prng } from "./prng.js";

const conn = await network.create();
const { ethers, networkHelpers } = conn;
const E18 = 10n ** 18n;
const SEQUENCES = Number(process.env.FUZZ_SEQ ?? 1000);
const GAS = { gasLimit: 8_000_000n };
const ZERO = "0x0000000000000000000000000000000000000000";

async function fuzzFixture() {
  const s = await ethers.getSigners();
  const [owner, slasher] = s;
  const actors = s.slice(2, 8);
  const params = defaultParams({
    epochLength: 12n, commitBlocks: 6n, maxNodes: 3, maxValidators: 2, immunityBlocks: 2n, unbondingBlocks: 4n,
    jailBlocks: 8n, takeCooldownBlocks: 3n, emissionPerEpoch: 777n * E18 + 12345n,
  });
  const { token, subnet } = await deploySubnet(ethers, owner, params);
  await subnet.grantRole(await subnet.SLASHER_ROLE(), slasher.address);
  const inspector = await ethers.deployContract("SubnetInspector");
  await fundStakers(token, subnet, actors, 1000n * E18);
  const signerOf = actors.map((_, i) => new Wallet(ethers.keccak256(ethers.toUtf8Bytes(`fuzz-signer-${i}`))).address);
  const node = (i: number) => ({ signer: signerOf[i], endpoint: "http://n", pricePerInference: 1n, region: "r", energySource: "e", carbonIntensity: 1 });
  await (subnet.connect(actors[0]) as any).registerNode(node(0), 2n * E18);
  await (subnet.connect(actors[1]) as any).registerNode(node(1), 3n * E18);
  await (subnet.connect(actors[2]) as any).registerValidator(20n * E18);
  await (subnet.connect(actors[3]) as any).registerValidator(30n * E18);
  await (subnet.connect(actors[4]) as any).delegate(actors[0].address, 5n * E18);
  return { owner, slasher, actors, token, subnet, inspector, params, node, genesis: (await subnet.genesisBlock()) as bigint };
}

type Snap = { supply: bigint; balances: bigint[]; pools: any[]; positions: any[][] };

describe("Subnet invariants (fuzz)", () => {
  it(`holds every money invariant after every step of ${SEQUENCES} random sequences`, async () => {
    const f0 = await networkHelpers.loadFixture(fuzzFixture);
    const ops = f0.actors.map((a) => a.address);
    const holders = [await f0.subnet.getAddress(), f0.owner.address, f0.slasher.address, ...ops];
    const tokenAddr = await f0.token.getAddress();
    const subnetAddr = await f0.subnet.getAddress();
    const inspectorAddr = await f0.inspector.getAddress();
    const coder = ethers.AbiCoder.defaultAbiCoder();
    const calldata = f0.inspector.interface.encodeFunctionData("inspect", [subnetAddr, tokenAddr, ops, ops, holders]);
    const inspect = async (_f: typeof f0): Promise<Snap> => {
      const raw = await ethers.provider.call({ to: inspectorAddr, data: calldata });
      const flat: bigint[] = [...coder.decode(["uint256[]"], raw)[0]];
      let k = 0;
      const supply = flat[k++];
      const balances = flat.slice(k, k + holders.length);
      k += holders.length;
      const pools: any[] = [];
      const positions: any[][] = [];
      for (let o = 0; o < ops.length; o++) {
        pools.push({ kind: flat[k++], stake: flat[k++], unbondingStake: flat[k++] });
        positions.push(ops.map(() => ({ shares: 0n, stake: 0n, pendingRewards: 0n, unbonding: [] })));
      }
      for (let d = 0; d < ops.length; d++) {
        const m = Number(flat[k++]);
        for (let i = 0; i < m; i++) {
          const o = Number(flat[k++]);
          const q: any = { shares: flat[k++], stake: flat[k++], pendingRewards: flat[k++], unbonding: [] };
          const n = Number(flat[k++]);
          for (let u = 0; u < n; u++) q.unbonding.push({ id: flat[k++], amount: flat[k++], releaseBlock: flat[k++] });
          positions[o][d] = q;
        }
      }
      return { supply, balances, pools, positions };
    };
    let steps = 0;
    let byKind: Record<string, number> = {};
    for (let seq = 0; seq < SEQUENCES; seq++) {
      const f = await networkHelpers.loadFixture(fuzzFixture);
      const r = prng(90_000 + seq);
      const L = 12n;
      let minted = 0n;
      let burned = 0n;
      let committed = new Map<string, { e: bigint; ids: number[]; ws: number[] }>();
      let before = await inspect(f);
      const len = 3 + r.int(5);
      for (let k = 0; k < len; k++) {
        const kind = r.pick(["register", "deregister", "delegate", "delegate", "undelegate", "undelegate", "withdraw", "slash", "commit", "reveal", "finalise", "claim", "claim", "take"]);
        const a = r.int(f.actors.length);
        const actor = f.actors[a];
        const sub = (w: { address: string }) => f.subnet.connect(w as any) as any;
        const logs: Log[] = [];
        const send = async (p: Promise<any>) => {
          try {
            const rc = await (await p).wait();
            logs.push(...rc.logs);
            return true;
          } catch (err: any) {
            if (!String(err.message).includes("reverted")) throw err;
            return false;
          }
        };
        let slashInfo: { op: number; frac: bigint } | null = null;
        let delta: { op: number; deposit?: bigint; self?: boolean } | null = null;
        let expectPay: { who: number; amount: bigint } | null = null;
        let paid: { op: number; who: number; entry?: bigint } | null = null;
        const pool = (o: number) => before.pools[o];
        const pos = (o: number, d: number) => before.positions[o][d];
        if (kind === "register") {
          const p = pool(a);
          const asNode = p.kind === 0n ? r.chance(0.5) : p.kind === 1n;
          const stake = r.big(1n, 40n * E18);
          const ok = await send(asNode ? sub(actor).registerNode(f.node(a), stake, GAS) : sub(actor).registerValidator(stake, GAS));
          if (ok) delta = { op: a, deposit: stake, self: true };
        } else if (kind === "deregister") {
          await send(sub(actor).deregister(GAS));
        } else if (kind === "delegate") {
          const o = r.int(ops.length);
          const amount = r.chance(0.2) ? r.big(1n, 1000n) : r.big(1n, 30n * E18);
          if (await send(sub(actor).delegate(ops[o], amount, GAS))) delta = { op: o, deposit: amount };
        } else if (kind === "undelegate") {
          const o = r.int(ops.length);
          const sh: bigint = pos(o, a).shares;
          await send(sub(actor).undelegate(ops[o], sh === 0n ? 1n : r.big(1n, sh), GAS));
        } else if (kind === "withdraw") {
          const o = r.int(ops.length);
          const entries = pos(o, a).unbonding;
          if (entries.length > 0 && r.chance(0.8)) {
            const en = r.pick([...entries]) as any;
            if (r.chance(0.7)) await mineTo(ethers, en.releaseBlock);
            const ok = await send(sub(actor).withdraw(ops[o], en.id, GAS));
            const now = BigInt(await ethers.provider.getBlockNumber());
            expect(ok, "withdraw succeeds exactly when released").to.equal(now >= en.releaseBlock);
            if (ok) {
              expectPay = { who: a, amount: en.amount };
              paid = { op: o, who: a, entry: en.id };
              expect(await send(sub(actor).withdraw(ops[o], en.id, GAS)), "withdrawn twice").to.equal(false);
            }
          } else {
            expect(await send(sub(actor).withdraw(ops[o], 99, GAS))).to.equal(false);
          }
        } else if (kind === "slash") {
          const o = r.int(ops.length);
          const frac = r.chance(0.1) ? E18 : r.chance(0.1) ? 0n : r.big(1n, E18);
          const ben = r.chance(0.3) ? ZERO : r.pick(ops);
          if (await send(f.subnet.connect(f.slasher).slash(ops[o], frac, r.big(0n, E18), ben, r.chance(0.4), GAS))) slashInfo = { op: o, frac };
        } else if (kind === "commit") {
          let e: bigint = await f.subnet.currentEpoch();
          const off = (BigInt(await ethers.provider.getBlockNumber()) + 1n - f.genesis) % L;
          if (off >= 6n) {
            e += 1n;
            await mineTo(ethers, f.genesis + e * L);
          }
          const [, slots] = await f.subnet.nodeCount();
          const ids = Array.from({ length: Number(slots) }, (_, j) => j).filter(() => r.chance(0.7));
          const ws = ids.map(() => r.int(65536));
          if (await send(sub(actor).commitWeights(commitHashOf(actor.address, e, ids, ws, ethers.ZeroHash), GAS))) committed.set(actor.address, { e, ids, ws });
        } else if (kind === "reveal") {
          const c = committed.get(actor.address);
          if (c) {
            await mineTo(ethers, f.genesis + c.e * L + 6n);
            await send(sub(actor).revealWeights(c.ids, c.ws, ethers.ZeroHash, GAS));
          } else {
            await send(sub(actor).revealWeights([], [], ethers.ZeroHash, GAS));
          }
        } else if (kind === "finalise") {
          const e: bigint = await f.subnet.currentEpoch();
          await mineTo(ethers, f.genesis + (e + 1n) * L);
          for (;;) {
            const [done, busy] = await f.subnet.epochStatus();
            if (done > e && !busy) break;
            await send(f.subnet.connect(actor).finalizeEpoch(1 + r.int(3), GAS));
          }
        } else if (kind === "claim") {
          const o = r.chance(0.3) ? a : r.int(ops.length);
          const pending: bigint = pos(o, a).pendingRewards;
          if (await send(sub(actor).claim(ops[o], GAS))) {
            expectPay = { who: a, amount: pending };
            paid = { op: o, who: a };
          }
        } else {
          await send(sub(actor).setTake(r.int(2200), GAS));
        }
        byKind[kind] = (byKind[kind] ?? 0) + 1;
        const after = await inspect(f);
        const ctx = `seq ${seq} step ${k} ${kind} by actor ${a}`;
        // Token conservation: balances + burned = minted.
        for (const log of logs) {
          if (log.address !== tokenAddr) continue;
          const t = f.token.interface.parseLog(log);
          if (t?.name !== "Transfer") continue;
          if (t.args.from === ZERO) minted += t.args.value;
          if (t.args.to === ZERO) burned += t.args.value;
        }
        expect(after.balances.reduce((x, y) => x + y, 0n), ctx).to.equal(after.supply);
        expect(after.supply - before.supply, `${ctx}: supply != minted - burned`).to.equal(minted - burned);
        minted = 0n;
        burned = 0n;
        // The Subnet holds at least every liability: bonded + unbonding stake + claimable rewards; dust is tiny.
        let liabilities = 0n;
        for (let o = 0; o < ops.length; o++) {
          liabilities += after.pools[o].stake + after.pools[o].unbondingStake;
          let entries = 0n;
          for (let d = 0; d < ops.length; d++) {
            liabilities += after.positions[o][d].pendingRewards;
            for (const en of after.positions[o][d].unbonding) entries += en.amount;
          }
          expect(entries, ctx).to.be.lte(after.pools[o].unbondingStake);
        }
        const dust = after.balances[0] - liabilities;
        expect(dust >= 0n, `${ctx}: insolvent by ${-dust}`).to.equal(true);
        expect(dust, ctx).to.be.lte(10n ** 6n);
        // Per pool and position.
        for (let o = 0; o < ops.length; o++) {
          const p0 = before.pools[o];
          const p1 = after.pools[o];
          const slashed = slashInfo?.op === o;
          const keep = (x: bigint) => x - (x * (slashInfo?.frac ?? 0n)) / E18;
          if (slashed) {
            expect(p1.stake, ctx).to.equal(keep(p0.stake));
            expect(p1.unbondingStake, ctx).to.equal(keep(p0.unbondingStake));
          } else if (delta?.op === o) {
            expect(p1.stake, ctx).to.equal(p0.stake + delta.deposit!);
          } else {
            // Slashed stake never comes back: only deposits raise a pool's stake.
            expect(p1.stake <= p0.stake, ctx).to.equal(true);
          }
          if (!(kind === "undelegate")) {
            expect(p1.unbondingStake <= p0.unbondingStake, `${ctx}: unbonding grew`).to.equal(true);
          }
          for (let d = 0; d < ops.length; d++) {
            const q0 = before.positions[o][d];
            const q1 = after.positions[o][d];
            const own = d === a;
            if (slashed) {
              expect(q1.shares, ctx).to.equal(q0.shares);
              const exp = keep(q0.stake);
              expect(q1.stake >= exp - 2n && q1.stake <= exp + 2n, `${ctx}: position not slashed in proportion`).to.equal(true);
              for (const en0 of q0.unbonding) {
                const en1 = q1.unbonding.find((x: any) => x.id === en0.id);
                const want = keep(en0.amount);
                expect(en1.amount >= want - 2n && en1.amount <= want + 2n, `${ctx}: unbonding not slashed in proportion`).to.equal(true);
              }
            } else if (!own) {
              // Nobody else's call changes this position (rounding only ever favours it by a wei).
              expect(q1.shares, ctx).to.equal(q0.shares);
              expect(q1.stake >= q0.stake && q1.stake <= q0.stake + 1n, `${ctx}: position changed`).to.equal(true);
              expect(q1.unbonding.length, ctx).to.equal(q0.unbonding.length);
              q0.unbonding.forEach((en0: any, i: number) => {
                const en1 = q1.unbonding[i];
                expect(en1.id, ctx).to.equal(en0.id);
                expect(en1.amount >= en0.amount && en1.amount <= en0.amount + 1n, `${ctx}: unbonding changed`).to.equal(true);
              });
            }
            // Claimable rewards only fall by being claimed by their owner.
            const claimedHere = paid?.op === o && paid.who === d && paid.entry === undefined;
            if (claimedHere) expect(q1.pendingRewards, ctx).to.equal(0n);
            else if (kind !== "finalise") expect(q1.pendingRewards, ctx).to.equal(q0.pendingRewards);
            else expect(q1.pendingRewards >= q0.pendingRewards, ctx).to.equal(true);
          }
        }
        // Nothing is paid twice: a claim pays exactly what was pending, a withdrawal exactly the entry.
        if (expectPay) expect(after.balances[3 + expectPay.who] - before.balances[3 + expectPay.who], ctx).to.equal(expectPay.amount);
        if (paid?.entry !== undefined) expect(after.positions[paid.op][paid.who].unbonding.some((x: any) => x.id === paid!.entry), ctx).to.equal(false);
        before = after;
        steps++;
      }
    }
    expect(steps).to.be.greaterThan(4 * SEQUENCES);
    for (const kind of ["register", "deregister", "delegate", "undelegate", "withdraw", "slash", "commit", "reveal", "finalise", "claim"]) {
      expect(byKind[kind] ?? 0, kind).to.be.greaterThan(100);
    }
  });
});
