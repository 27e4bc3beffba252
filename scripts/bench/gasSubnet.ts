// Gas of the Subnet hot paths: finalizeEpoch at 8x32, 32x128, 64x256 (validators x nodes, sum over chunks),
// delegate, undelegate, claim, slash, and AuditLog.commitBatch with the Subnet as node authority. Merged into `npm run --silent bench:gas` by scripts/bench/gas.ts.
import hre from "hardhat";
import { pathToFileURL } from "node:url";
import { commitHashOf, defaultParams, deploySubnet, fundedWallets, fundStakers, mineTo, registerNodes, registerValidators } from "../../test/subnet/helpers.js";
import { commitBatchGasWithSubnet } from "../../test/subnet/commitBatchGas.js";
import { mulberry32 } from "../../node/util/mulberry32.js";

const E18 = 10n ** 18n;
const GAS = { gasLimit: 16_000_000n };

/** Finalises every epoch before `e` (earlier epochs without reveals). */
async function catchUp(subnet: any, e: bigint) {
  for (;;) {
    const [done] = await subnet.epochStatus();
    if (done >= e) return;
    await subnet.finalizeEpoch(4, { gasLimit: 16_000_000n });
  }
}

/** Gas of finalising a V x N epoch with dense random weights: the first epoch with weights and the next (steady state), summed over their chunk transactions, the largest transaction, and the transaction count. */
export async function finalizeGas(V: number, N: number, stepsPerTx: number) {
  const { ethers } = await hre.network.create();
  const [owner] = await ethers.getSigners();
  const params = defaultParams({ maxNodes: Math.max(N, 1), maxValidators: Math.max(V, 1), epochLength: 400n, commitBlocks: 200n });
  const { token, subnet } = await deploySubnet(ethers, owner, params);
  const ops = await fundedWallets(ethers, V + N, 7);
  const signers = await fundedWallets(ethers, N, 8);
  await fundStakers(token, subnet, ops, 1000n * E18, GAS);
  const listing = { endpoint: "https://node.example", pricePerInference: 1n, region: "eu", energySource: "grid", carbonIntensity: 300 };
  await registerNodes(subnet, ops.slice(V), signers.map((w) => w.address), listing, () => 2n * E18, GAS);
  await registerValidators(subnet, ops.slice(0, V), (v) => 10n * E18 + BigInt(v) * E18, GAS);
  const rand = mulberry32(42);
  const genesis = await subnet.genesisBlock();
  const L = params.epochLength as bigint;
  const C = params.commitBlocks as bigint;
  const perEpoch: bigint[] = [];
  const maxTx: bigint[] = [];
  let txs = 0;
  for (let round = 0; round < 2; round++) {
    const e = (await subnet.currentEpoch()) + 1n;
    await mineTo(ethers, genesis + e * L);
    await catchUp(subnet, e);
    const ids = Array.from({ length: N }, (_, j) => j);
    const weights: number[][] = [];
    const salt = "0x" + "ab".repeat(32);
    for (let v = 0; v < V; v++) {
      weights.push(ids.map(() => 1 + Math.floor(rand() * 65535)));
      await (subnet.connect(ops[v]) as any).commitWeights(commitHashOf(ops[v].address, e, ids, weights[v], salt), GAS);
    }
    await mineTo(ethers, genesis + e * L + C);
    for (let v = 0; v < V; v++) await (subnet.connect(ops[v]) as any).revealWeights(ids, weights[v], salt, GAS);
    await mineTo(ethers, genesis + (e + 1n) * L);
    let sum = 0n;
    let mx = 0n;
    for (;;) {
      const tx = await subnet.finalizeEpoch(stepsPerTx, { gasLimit: 16_000_000n });
      const r = await tx.wait();
      sum += r.gasUsed;
      if (r.gasUsed > mx) mx = r.gasUsed;
      txs++;
      const [done, busy] = await subnet.epochStatus();
      if (done > e && !busy) break;
    }
    perEpoch.push(sum);
    maxTx.push(mx);
  }
  return { first: perEpoch[0], steady: perEpoch[1], maxTx: maxTx.reduce((a, b) => (a > b ? a : b)), txs };
}

async function hotPaths() {
  const { ethers } = await hre.network.create();
  const [owner, slasher] = await ethers.getSigners();
  const { token, subnet } = await deploySubnet(ethers, owner, defaultParams({ epochLength: 40n, commitBlocks: 20n }));
  await subnet.grantRole(await subnet.SLASHER_ROLE(), slasher.address);
  const ws = await fundedWallets(ethers, 4, 9);
  const signer = await fundedWallets(ethers, 1, 10);
  await fundStakers(token, subnet, ws, 1000n * E18);
  await (subnet.connect(ws[0]) as any).registerNode(
    { signer: signer[0].address, endpoint: "https://n", pricePerInference: 1n, region: "eu", energySource: "grid", carbonIntensity: 300 },
    5n * E18,
  );
  await (subnet.connect(ws[1]) as any).registerValidator(50n * E18);
  await (subnet.connect(ws[2]) as any).delegate(ws[0].address, 3n * E18);
  const d = await (await (subnet.connect(ws[3]) as any).delegate(ws[0].address, 3n * E18)).wait();
  const u = await (await (subnet.connect(ws[3]) as any).undelegate(ws[0].address, E18)).wait();
  // One epoch with weights so there is something to claim.
  const genesis = await subnet.genesisBlock();
  const e = (await subnet.currentEpoch()) + 1n;
  await mineTo(ethers, genesis + e * 40n);
  await catchUp(subnet, e);
  const salt = "0x" + "01".repeat(32);
  await (subnet.connect(ws[1]) as any).commitWeights(commitHashOf(ws[1].address, e, [0], [65535], salt));
  await mineTo(ethers, genesis + e * 40n + 20n);
  await (subnet.connect(ws[1]) as any).revealWeights([0], [65535], salt);
  await mineTo(ethers, genesis + (e + 1n) * 40n);
  for (;;) {
    await subnet.finalizeEpoch(1000);
    const [done] = await subnet.epochStatus();
    if (done > e) break;
  }
  const c = await (await (subnet.connect(ws[2]) as any).claim(ws[0].address)).wait();
  const s = await (await (subnet.connect(slasher) as any).slash(ws[0].address, 10n ** 17n, 5n * 10n ** 17n, slasher.address, true)).wait();
  return { delegateGas: Number(d.gasUsed), undelegateGas: Number(u.gasUsed), claimGas: Number(c.gasUsed), slashGas: Number(s.gasUsed) };
}

/**
 * Measures the Subnet's gas: finalizeEpochGas per size (the steady-state epoch, summed over its chunk
 * transactions), the first epoch (bond words written for the first time), the largest single chunk, and the
 * delegate / undelegate / claim / slash transactions, and commitBatchGasWithSubnet (steady-state AuditLog.commitBatch
 * gasUsed, maximum over batch sizes 1 / 1024 / 4096, with the real Subnet as node authority).
 * @example
 * const gas = await subnetGas(); // { finalizeEpochGas: { "8x32": ..., ... }, delegateGas: ..., ... }
 */
export async function subnetGas(): Promise<Record<string, unknown>> {
  const sizes: [number, number, number][] = [
    [8, 32, 1000],
    [32, 128, 1000],
    [64, 256, 1000],
  ];
  const finalizeEpochGas: Record<string, number> = {};
  const finalizeEpochFirstGas: Record<string, number> = {};
  const finalizeEpochMaxTxGas: Record<string, number> = {};
  const finalizeEpochTxs: Record<string, number> = {};
  for (const [V, N, steps] of sizes) {
    const key = `${V}x${N}`;
    const g = await finalizeGas(V, N, steps);
    finalizeEpochGas[key] = Number(g.first > g.steady ? g.first : g.steady);
    finalizeEpochFirstGas[key] = Number(g.first);
    finalizeEpochMaxTxGas[key] = Number(g.maxTx);
    finalizeEpochTxs[key] = g.txs / 2;
  }
  const { ethers } = await hre.network.create();
  const cb = await commitBatchGasWithSubnet(ethers);
  return {
    finalizeEpochGas,
    finalizeEpochFirstGas,
    finalizeEpochMaxTxGas,
    finalizeEpochTxs,
    ...(await hotPaths()),
    commitBatchGasWithSubnet: cb.max,
    commitBatchGasWithSubnetBySize: cb.bySize,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(JSON.stringify(await subnetGas()));
}
