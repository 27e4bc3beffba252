// The narrated demo: inference with receipt, root on-chain, proof, epoch, delegator rewards, cheater slashed.
import { formatUnits, getAddress } from "ethers";
import { hashReceipt, verifyBatchProof, type SignedReceipt, type Tensor } from "../../client/index.js";
import type { InclusionProof } from "../../client/sdk/waitForInclusion.js";
import { toContractReceipt } from "../../client/disputes/toContractReceipt.js";
import type { DemoResult } from "./DemoResult.js";
import type { Devnet } from "./startDevnet.js";
import type { Narrator } from "./Narrator.js";

const fmt = (x: bigint) => `${Number(formatUnits(x, 18)).toLocaleString("en-US", { maximumFractionDigits: 4 })} VTS`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a value, or throws `what` after `timeoutMs`. */
async function waitFor<T>(what: string, timeoutMs: number, fn: () => Promise<T | undefined>, everyMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await sleep(everyMs);
  }
}

/** A deterministic input for the bundled `mlp` model (x: FP32 [1, 16]). */
function mlpInput(k: number): Tensor {
  return { name: "x", datatype: "FP32", shape: [1, 16], data: Float32Array.from({ length: 16 }, (_, i) => Math.sin(i + k) * 0.5) };
}

/**
 * Runs the demo against a started devnet; each step is narrated and its result recorded, and a
 * failing step does not stop the later ones.
 *
 * @example
 * const result = await runDemo(devnet, narrator);
 */
export async function runDemo(devnet: Devnet, narrator: Narrator): Promise<DemoResult> {
  const result: DemoResult = { inference: false, receiptVerified: false, rootCommitted: false, epochFinalized: false, rewardsClaimed: false, cheaterSlashed: false };
  const { user, delegator } = devnet.clients;
  const subnet = user.context.contracts.subnet;
  narrator.section("The demo");

  // Background traffic: a dApp keeps using every node (validators sample real users' receipts too).
  let traffic = true;
  const trafficLoop = (async () => {
    const nodes = await user.listNodes();
    for (let k = 1; traffic; k++) {
      const node = nodes[k % nodes.length];
      await user.infer({ model: "mlp", inputs: [mlpInput(k)], node }).catch(() => undefined);
      await sleep(400);
    }
  })();

  let receipt: SignedReceipt | undefined;
  let endpoint = "";
  await narrator
    .step("A dApp runs an inference on the greenest node and verifies the receipt", async (say) => {
      const candidates = await user.discoverNodes({ model: "mlp", prefer: "low-carbon" });
      say(`discovered ${candidates.length} nodes serving "mlp"; by carbon intensity: ${candidates.map((n) => `${n.endpoint} ${n.carbonIntensity} g`).join(", ")}`);
      const res = await user.infer({ model: "mlp", inputs: [mlpInput(0)], prefer: "low-carbon", id: "demo-1" });
      result.inference = res.outputs.length > 0;
      receipt = res.receipt;
      endpoint = res.node.endpoint;
      const y = res.outputs[0];
      say(`answered by ${res.node.endpoint} in ${res.latencyMs.toFixed(1)} ms: ${y.name} ${JSON.stringify(y.shape)} = [${Array.from(y.data as Float32Array, (v) => v.toFixed(4)).join(", ")}]`);
      say(`receipt: requestId ${res.receipt.requestId.slice(0, 18)}…, seq ${res.receipt.seq}, node key ${res.receipt.node}`);
      say("checked by the SDK: EIP-712 signature recovers to the node's registered signing key; model hash = registry's sha256;");
      say("input digest = the SDK's own digest of what it sent; output digest = digest of what it received");
      result.receiptVerified = true;
    })
    .catch(() => undefined);

  let inclusion: InclusionProof | undefined;
  await narrator
    .step("The node commits the batch root on-chain; the SDK verifies the Merkle proof", async (say) => {
      if (!receipt) throw new Error("no receipt from the previous step");
      inclusion = await user.waitForInclusion(receipt, { endpoint, timeoutMs: 30_000 });
      say(`AuditLog batch #${inclusion.batchIndex} of ${receipt.node}: seqs ${inclusion.firstSeq}..${inclusion.lastSeq}, root ${inclusion.root}`);
      if (inclusion.txHash) say(`commitBatch tx ${inclusion.txHash}`);
      const offChain = verifyBatchProof(hashReceipt(receipt), inclusion.proof, inclusion.root);
      const onChain = await user.context.contracts.auditLog.verifyReceipt(toContractReceipt(receipt), inclusion.proof);
      say(`proof of ${inclusion.proof.length} hashes: off-chain ${offChain ? "valid" : "INVALID"}, AuditLog.verifyReceipt ${onChain ? "true" : "false"}`);
      result.rootCommitted = offChain && onChain;
      if (!result.rootCommitted) throw new Error("proof rejected");
    })
    .catch(() => undefined);

  await narrator
    .step("Validators score the nodes; an epoch is finalised with weights and emissions", async (say) => {
      const epochs = await waitFor("an epoch with revealed weights", 80_000, async () => {
        const r = await user.epochResults();
        return r.nodes.some((n) => n.consensus > 0) ? r : undefined;
      }, 1000);
      const toNodes = epochs.nodes.reduce((a, n) => a + n.emission, 0n);
      const toValidators = epochs.validators.reduce((a, v) => a + v.emission, 0n);
      say(`epoch ${epochs.epoch} finalised: ${fmt(epochs.emission)} minted → nodes ${fmt(toNodes)}, validators ${fmt(toValidators)}, subnet owner ${fmt(epochs.emission - toNodes - toValidators)}`);
      const nodes = await user.listNodes();
      const name = (op: string) => devnet.nodes.find((n) => getAddress(n.operator.address) === getAddress(op))?.name ?? op;
      for (const v of epochs.validators) {
        const [ids, weights] = await subnet.epochWeights(epochs.epoch, v.operator);
        const shown = [...ids].map((id: bigint, i: number) => `${name(nodes.find((n) => n.slot === Number(id))?.operator ?? String(id))}=${weights[i]}`).join(" ");
        say(`validator ${v.operator.slice(0, 10)}… weights: ${shown || "(none revealed)"}; dividends ${(v.dividends * 100).toFixed(1)}%, earned ${fmt(v.emission)}`);
      }
      for (const n of epochs.nodes) say(`${name(n.operator)}: consensus ${n.consensus.toFixed(3)}, incentive ${(n.incentive * 100).toFixed(1)}%, earned ${fmt(n.emission)}`);
      result.epochFinalized = true;
    })
    .catch(() => undefined);

  await narrator
    .step("The delegator of node-1 claims its share of the rewards", async (say) => {
      const me = await delegator.context.signer!.getAddress();
      const op = devnet.nodes[0].operator.address;
      const pos = await waitFor("pending rewards for the delegator", 40_000, async () => {
        const p = (await delegator.positions(me)).find((x) => getAddress(x.operator) === getAddress(op));
        return p && p.pendingRewards > 0n ? p : undefined;
      });
      say(`position in node-1's pool: stake ${fmt(pos.stake)}, pending rewards ${fmt(pos.pendingRewards)}`);
      const { claimed } = await delegator.claim(op);
      say(`claimed ${fmt(claimed)} (operator take paid first, the rest pro rata to the pool's stake)`);
      result.rewardsClaimed = claimed > 0n;
      if (!result.rewardsClaimed) throw new Error("nothing was claimed");
    })
    .catch(() => undefined);

  await narrator
    .step("node-3 cheats (adds noise to outputs): validators detect it, challenge, and it is slashed", async (say) => {
      const cheater = devnet.nodes[2];
      say(`${cheater.name} (${cheater.signer.address}) perturbs its outputs; validators re-run probes under the model's policy`);
      const slash = await waitFor("the slash of node-3", 100_000, async () => {
        const ev = (await user.readEvents({ fromBlock: devnet.addresses.startBlock })).find(
          (e) => e.contract === "Subnet" && e.name === "OperatorSlashed" && getAddress(String(e.args.operator)) === getAddress(cheater.operator.address),
        );
        return ev;
      }, 1000);
      const challenges = await user.listChallenges({ node: cheater.signer.address });
      for (const v of devnet.validators) {
        const stats = (await fetch(`${v.url}/stats`).then((r) => r.json()).catch(() => undefined)) as { nodes?: { signer: string; checks: number; rejected: number; faults: { kind: string; detail: string }[] }[] } | undefined;
        const seen = stats?.nodes?.find((n) => getAddress(n.signer) === getAddress(cheater.signer.address));
        if (seen) say(`validator ${v.account.address.slice(0, 10)}… re-ran ${seen.checks} of node-3's answers, rejected ${seen.rejected}${seen.faults[0] ? ` (${seen.faults[0].kind}: ${seen.faults[0].detail.slice(0, 90)})` : ""}`);
      }
      for (const c of challenges) say(`challenge #${c.id}: ${c.kind} by ${c.challenger.slice(0, 10)}…, ${c.status}, outcome ${c.outcome}, slashed ${fmt(c.slashed)}`);
      say(`OperatorSlashed: ${fmt(BigInt(String(slash.args.slashed)))} taken from node-3's pool (tx ${slash.txHash}), jailed: ${slash.args.jailed}`);
      const stillActive = (await user.listNodes()).find((n) => getAddress(n.operator) === getAddress(cheater.operator.address))?.active;
      say(`node-3 is now ${stillActive ? "still eligible" : "jailed: its key can no longer commit batches"}`);
      result.cheaterSlashed = true;
    })
    .catch(() => undefined);

  traffic = false;
  await trafficLoop;
  return result;
}
