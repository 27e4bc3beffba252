// The node answers inclusion challenges against its own key (real Subnet, AuditLog and Challenges on an in-process chain).
import { expect } from "chai";
import { network } from "hardhat";
import { Wallet, parseEther } from "ethers";
import { createReceiptSigner, receiptFromJson, type Hex } from "../../client/index.js";
import { deploySubnet } from "../subnet/helpers.js";
import { startTestNode, postJson, randomFloats, MLP } from "./nodeFixture.js";
import type { RunningNode } from "../../node/startNode.js";
import type { Logger, LogFields } from "../../node/log/Logger.js";

const { ethers } = await network.create();
const WAD = 10n ** 18n;
const NODE_STAKE = 1000n * WAD;
const STATUS_SETTLED = 4n;
const OUTCOME_INCLUSION_PROVED = 3n;

/** Records every log line (and prints nothing). */
function recordingLogger(lines: { level: string; msg: string; fields: LogFields }[], base: LogFields = {}): Logger {
  const at = (level: string) => (msg: string, fields: LogFields = {}) => void lines.push({ level, msg, fields: { ...base, ...fields } });
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error"), child: (f) => recordingLogger(lines, { ...base, ...f }) };
}

async function until<T>(what: string, f: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("node inclusion responder", function () {
  this.timeout(60_000);
  let node: RunningNode;
  let cleanup: () => Promise<void>;
  let challenges: any;
  let subnet: any;
  let operator: any;
  let challenger: any;
  const lines: { level: string; msg: string; fields: LogFields }[] = [];
  const key = Wallet.createRandom().privateKey as Hex;
  const nodeAddress = new Wallet(key).address;

  before(async function () {
    const [owner, op, ch] = await ethers.getSigners();
    operator = op;
    challenger = ch;
    const deployed = await deploySubnet(ethers, owner);
    subnet = deployed.subnet;
    const token = deployed.token;
    const audit = await ethers.deployContract("AuditLog", [await subnet.getAddress()]);
    challenges = await ethers.deployContract("Challenges", [await audit.getAddress(), await subnet.getAddress(), await token.getAddress(), owner.address]);
    await (await subnet.grantRole(await subnet.SLASHER_ROLE(), await challenges.getAddress())).wait();
    await (await token.mint(operator.address, NODE_STAKE)).wait();
    await (await token.connect(operator).approve(await subnet.getAddress(), NODE_STAKE)).wait();
    await (
      await subnet
        .connect(operator)
        .registerNode({ signer: nodeAddress, endpoint: "http://127.0.0.1:1", pricePerInference: 0n, region: "eu", energySource: "grid", carbonIntensity: 0 }, NODE_STAKE)
    ).wait();
    await (await token.mint(challenger.address, 100n * WAD)).wait();
    await (await token.connect(challenger).approve(await challenges.getAddress(), 100n * WAD)).wait();
    await (await owner.sendTransaction({ to: nodeAddress, value: parseEther("10") })).wait();
    ({ node, cleanup } = await startTestNode(
      {
        signingKey: key,
        chainId: (await ethers.provider.getNetwork()).chainId.toString(),
        auditLog: await audit.getAddress(),
        challenges: await challenges.getAddress(),
        models: [{ name: "mlp", file: MLP, maxBatchSize: 8, instances: 1 }],
        commit: { maxBatchSize: 8, maxBatchAgeMs: 100, pollMs: 20 },
        inclusion: { pollMs: 50, backoffMs: 50 },
      },
      { provider: ethers.provider, logger: recordingLogger(lines) },
    ));
  });
  after(async () => cleanup?.());

  it("answers an inclusion challenge of a committed receipt: the challenge closes as proved, no slash", async () => {
    const res = await Promise.all(
      [1, 2, 3].map((i) => postJson(`${node.url}/v2/models/mlp/infer`, { inputs: [{ name: "x", datatype: "FP32", shape: [1, 16], data: Array.from(randomFloats(16, i)) }] })),
    );
    const receipt = receiptFromJson(res[1].json.parameters.receipt);
    await until("the receipt's batch to be committed", async () => node.store.committedThrough() >= receipt.seq);
    const { signature, ...fields } = receipt;
    const opened = await (await challenges.connect(challenger).openInclusionChallenge(fields, signature)).wait();
    const id = challenges.interface.parseLog(opened.logs.find((l: any) => challenges.interface.parseLog(l)?.name === "InclusionResponseRequested")).args.id as bigint;
    const c = await until("the node to answer", async () => {
      const c = await challenges.getChallenge(id);
      return c.status === STATUS_SETTLED && c;
    });
    expect(c.outcome).to.equal(OUTCOME_INCLUSION_PROVED);
    expect(c.slashed).to.equal(0n);
    expect((await subnet.pool(operator.address)).stake).to.equal(NODE_STAKE);
    expect(await challenges.pendingInclusionChallenges(nodeAddress)).to.deep.equal([]);
    expect(lines.some((l) => l.msg === "inclusion challenge answered" && l.fields.challengeId === id)).to.equal(true);
    const metrics = await (await fetch(`${node.url}/metrics`)).text();
    expect(metrics).to.match(/veritensor_inclusion_challenges_total\{result="answered"\} 1/);
  });

  it("logs that it cannot answer a receipt signed with its key that is not in its store", async () => {
    // A receipt the node's key signed but the node never stored (as a forger holding the key, or a dropped receipt would):
    // stamped two hours ahead, so it is due at once.
    const domain = { chainId: (await ethers.provider.getNetwork()).chainId, verifyingContract: (await challenges.auditLog()) as Hex };
    const forged = createReceiptSigner({ privateKey: key, domain }).sign({
      requestId: `0x${"11".repeat(32)}`,
      modelHash: `0x${"22".repeat(32)}`,
      inputDigest: `0x${"33".repeat(32)}`,
      outputDigest: `0x${"44".repeat(32)}`,
      seq: 1_000_000n,
      timestamp: BigInt((await ethers.provider.getBlock("latest"))!.timestamp + 7200),
    });
    const { signature, ...fields } = forged;
    await (await challenges.connect(challenger).openInclusionChallenge(fields, signature)).wait();
    const line = await until("the responder's error", async () => lines.find((l) => l.level === "error" && /cannot answer inclusion challenge/.test(l.msg)));
    expect(line.fields.seq).to.equal(1_000_000n);
    const metrics = await (await fetch(`${node.url}/metrics`)).text();
    expect(metrics).to.match(/veritensor_inclusion_challenges_total\{result="unanswerable"\} 1/);
    expect((await challenges.pendingInclusionChallenges(nodeAddress)).length).to.equal(1); // still open: anyone may finalise after the deadline
  });
});
