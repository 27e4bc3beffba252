// Test/bench fixture: the whole network on an in-process chain — contracts, staked nodes (some cheating), validators.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { Wallet, ZeroHash, parseEther, type Signer } from "ethers";
import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import type { Hex } from "../../client/index.js";
import { DEFAULT_TOLERANCE_POLICY, policyToChain, type VerificationPolicy } from "../../client/policy/index.js";
import { createNodeCheats, type CheatConfig, type NodeCheats } from "../../node/cheats/index.js";
import { writeDifferentMlp } from "../../node/cheats/writeDifferentMlp.js";
import { startNode, type RunningNode } from "../../node/startNode.js";
import { createJsonLogger } from "../../node/log/createJsonLogger.js";
import type { Logger } from "../../node/log/Logger.js";
import { startValidator, type RunningValidator } from "../../node/validator/startValidator.js";
import type { ValidatorConfig } from "../../node/validator/ValidatorConfig.js";

const ROOT = resolve(import.meta.dirname, "../..");
export const MLP_FILE = join(ROOT, "models/mlp/mlp.onnx");

/** One node of the local network. */
export interface LocalNode {
  name: string;
  operator: Signer & { address: string };
  signer: Hex;
  running: RunningNode;
  cheats?: NodeCheats;
}

/** Options of {@link startLocalNetwork}. */
export interface LocalNetworkOptions {
  honestNodes: number;
  /** One cheating node per entry. */
  cheats: CheatConfig[];
  validators: number;
  /** Merged into every validator's config. */
  validatorConfig?: Partial<ValidatorConfig>;
  policy?: VerificationPolicy;
  logger?: Logger;
  /** Challenge parameter overrides (windows in seconds). */
  challengeParams?: Record<string, unknown>;
}

/** What {@link startLocalNetwork} returns. */
export interface LocalNetwork {
  contracts: { token: any; subnet: any; auditLog: any; registry: any; challenges: any };
  addresses: { subnet: Hex; auditLog: Hex; modelRegistry: Hex; challenges: Hex };
  nodes: LocalNode[];
  validators: RunningValidator[];
  validatorOperators: (Signer & { address: string })[];
  close(): Promise<void>;
}

const sha256 = (file: string) => `0x${createHash("sha256").update(readFileSync(file)).digest("hex")}` as Hex;

/**
 * Deploys VeritensorToken, Subnet (with its libraries), AuditLog (authorised by the Subnet), ModelRegistry
 * (the bundled MLP under `policy`) and Challenges (slasher on the Subnet); registers and stakes
 * `honestNodes + cheats.length` nodes serving the MLP in-process (each cheating node with its cheat's hooks)
 * and `validators` validators, each a real validator daemon in-process.
 *
 * @example
 * const net = await startLocalNetwork(ethers, { honestNodes: 3, cheats: [{ enabled: true, mode: "noise" }], validators: 2 });
 * ... await net.close();
 */
export async function startLocalNetwork(ethers: HardhatEthers, o: LocalNetworkOptions): Promise<LocalNetwork> {
  const log = o.logger ?? createJsonLogger({ level: "silent" });
  const signers = (await ethers.getSigners()) as unknown as (Signer & { address: string })[];
  const owner = signers[0];
  const need = o.honestNodes + o.cheats.length + o.validators + 1;
  if (signers.length < need) throw new Error(`need ${need} funded accounts, have ${signers.length}`);
  const dir = mkdtempSync(join(tmpdir(), "vt-localnet-"));

  const token = await ethers.deployContract("VeritensorToken", [owner.address]);
  const yuma = await ethers.deployContract("YumaEpoch");
  const views = await ethers.deployContract("SubnetViews");
  const subnetFactory = await ethers.getContractFactory("Subnet", { libraries: { YumaEpoch: await yuma.getAddress(), SubnetViews: await views.getAddress() } });
  const subnet = (await subnetFactory.deploy(await token.getAddress(), owner.address, {
    epochLength: 30n,
    commitBlocks: 15n,
    emissionPerEpoch: parseEther("1000"),
    minNodeStake: parseEther("10"),
    minValidatorStake: parseEther("10"),
    maxNodes: 64,
    maxValidators: 16,
    immunityBlocks: 5n,
    unbondingBlocks: 10n,
    maxTakeBps: 1800,
    takeStepBps: 200,
    takeCooldownBlocks: 10n,
    jailBlocks: 100_000n,
    kappa: 1n << 31n,
    bondsMovingAverage: 900000,
    nodesBps: 4100,
    validatorsBps: 4100,
  })) as any;
  await subnet.waitForDeployment();
  const subnetAddress = (await subnet.getAddress()) as Hex;
  await (await (token as any).grantRole(await (token as any).MINTER_ROLE(), subnetAddress)).wait();
  const auditLog = await ethers.deployContract("AuditLog", [subnetAddress]);
  const registry = await ethers.deployContract("ModelRegistry");
  const challenges = await ethers.deployContract("Challenges", [await auditLog.getAddress(), subnetAddress, await token.getAddress(), owner.address]);
  await (await subnet.grantRole(await subnet.SLASHER_ROLE(), await challenges.getAddress())).wait();
  const params = { ...(await (challenges as any).defaultParams()).toObject(), ...o.challengeParams };
  await (await (challenges as any).setParams(params)).wait();
  const modelHash = sha256(MLP_FILE);
  await (await (registry as any).registerModel(modelHash, "mlp", "file://models/mlp/mlp.onnx", ZeroHash, policyToChain(o.policy ?? DEFAULT_TOLERANCE_POLICY))).wait();

  const addresses = {
    subnet: subnetAddress,
    auditLog: (await auditLog.getAddress()) as Hex,
    modelRegistry: (await registry.getAddress()) as Hex,
    challenges: (await challenges.getAddress()) as Hex,
  };
  const chainId = (await ethers.provider.getNetwork()).chainId;
  const stake = parseEther("100");
  const fund = async (who: Signer & { address: string }) => {
    await (await (token as any).mint(who.address, parseEther("1000"))).wait();
    await (await (token.connect(who) as any).approve(subnetAddress, 2n ** 255n)).wait();
  };

  const nodes: LocalNode[] = [];
  const validators: RunningValidator[] = [];
  const validatorOperators: (Signer & { address: string })[] = [];
  const close = async () => {
    for (const v of validators) await v.close();
    for (const n of nodes) {
      await n.running.close();
      await n.cheats?.close();
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const different = join(dir, "mlp-different.onnx");
    writeDifferentMlp(MLP_FILE, different);
    const plan: (CheatConfig | undefined)[] = [...Array.from({ length: o.honestNodes }, () => undefined), ...o.cheats];
    for (const [i, cheat] of plan.entries()) {
      const operator = signers[1 + i];
      const key = Wallet.createRandom().privateKey as Hex;
      const signerAddress = new Wallet(key).address as Hex;
      await ethers.provider.send("hardhat_setBalance", [signerAddress, "0x56BC75E2D63100000000"]);
      const cheats = cheat ? await createNodeCheats({ wrongModelFiles: { mlp: different }, ...cheat }, { chainId }) : undefined;
      const running = await startNode(
        {
          port: 0,
          models: [{ name: "mlp", file: MLP_FILE, maxBatchSize: 1, instances: 1 }],
          executionProviders: ["cpu"],
          chainId: Number(chainId),
          auditLog: addresses.auditLog,
          modelRegistry: addresses.modelRegistry,
          signingKey: key,
          storePath: join(dir, `node${i}.sqlite`),
          storeSynchronous: "normal",
          commit: { maxBatchSize: 16, maxBatchAgeMs: 300, pollMs: 50 },
        },
        { provider: ethers.provider, logger: log.child({ node: i }), hooks: cheats },
      );
      const name = cheat ? `cheat-${cheat.mode}${cheat.omission ? `-${cheat.omission}` : ""}` : `honest-${i}`;
      nodes.push({ name, operator, signer: running.address, running, cheats });
      await fund(operator);
      await (
        await subnet.connect(operator).registerNode(
          { signer: running.address, endpoint: running.url, pricePerInference: 0n, region: "local", energySource: "grid", carbonIntensity: 0 },
          stake,
        )
      ).wait();
    }
    for (let v = 0; v < o.validators; v++) {
      const operator = signers[1 + plan.length + v];
      await fund(operator);
      await (await subnet.connect(operator).registerValidator(stake)).wait();
      validatorOperators.push(operator);
    }
    for (const [v, operator] of validatorOperators.entries()) {
      const config: ValidatorConfig = {
        contracts: addresses,
        models: [{ name: "mlp", file: MLP_FILE }],
        statsPort: 0,
        tickMs: 100,
        probeIntervalMs: 300,
        nodeRefreshMs: 1000,
        sampleRate: 0.2,
        finalizeEpochs: v === 0,
        ...o.validatorConfig,
      };
      validators.push(await startValidator(config, { provider: ethers.provider, signer: operator, logger: log.child({ validatorIndex: v }) }));
    }
  } catch (e) {
    await close();
    throw e;
  }
  return { contracts: { token, subnet, auditLog, registry, challenges }, addresses, nodes, validators, validatorOperators, close };
}
