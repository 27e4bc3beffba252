// Brings up the devnet: chain, contracts (Ignition), funded actors, 3 nodes, 2 validators, explorer.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { Contract, parseUnits } from "ethers";
import { createClient } from "../../client/sdk/createClient.js";
import type { DeploymentAddresses } from "../../client/sdk/DeploymentAddresses.js";
import type { VeritensorClient } from "../../client/sdk/VeritensorClient.js";
import { startExplorer, type Explorer } from "../../node/explorer/startExplorer.js";
import { devAccount, devActors, type DevAccount } from "./devAccounts.js";
import { DEVNET_BLOCK_MS, DEVNET_CHALLENGE_PARAMS, DEVNET_FUNDING, DEVNET_SUBNET_PARAMS } from "./devnetParams.js";
import { findFreePort } from "./findFreePort.js";
import { ManagedProcess } from "./ManagedProcess.js";
import type { Narrator } from "./Narrator.js";
import { rpc, startChain } from "./startChain.js";

const require = createRequire(import.meta.url);
const TOKEN = 10n ** 18n;

/** One devnet node: its keys, endpoint, process and published parameters. */
export interface DevnetNode {
  name: string;
  operator: DevAccount;
  signer: DevAccount;
  endpoint: string;
  region: string;
  energySource: string;
  carbonIntensity: number;
  price: bigint;
  cheat?: { mode: string; rate: number };
  process?: ManagedProcess;
}

/** A running devnet. */
export interface Devnet {
  root: string;
  dir: string;
  rpcUrl: string;
  addresses: DeploymentAddresses;
  addressesFile: string;
  nodes: DevnetNode[];
  validators: { account: DevAccount; url?: string; process?: ManagedProcess }[];
  /** Clients per actor (with their keys). */
  clients: { deployer: VeritensorClient; user: VeritensorClient; delegator: VeritensorClient; keeper: VeritensorClient };
  explorer?: Explorer;
  /** Stops everything started (explorer, validators, nodes, chain), newest first. */
  stop(): Promise<void>;
}

/** Node runtime of this process (Node 22) with tsx loaded, for TypeScript children. */
function tsxArgs(entry: string, args: string[]): string[] {
  const loader = pathToFileURL(require.resolve("tsx")).href;
  return ["--import", loader, entry, ...args];
}

/**
 * Starts the whole devnet, narrating each step.
 *
 * @example
 * const devnet = await startDevnet({ root: process.cwd(), narrator });
 */
export async function startDevnet(o: { root: string; narrator: Narrator; port?: number; stateDir?: string }): Promise<Devnet> {
  const { root, narrator } = o;
  const dir = o.stateDir ? resolve(o.stateDir) : join(root, ".veritensor", "devnet");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "logs"), { recursive: true });
  const started: { stop(): Promise<void> }[] = [];
  const stop = async () => {
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
  };
  try {
    narrator.section("Bringing up the devnet");
    const port = await findFreePort(o.port ?? 8545);
    const chain = await narrator.step(`Starting a Hardhat chain on 127.0.0.1:${port}`, async () => startChain({ port, logFile: join(dir, "logs", "chain.log"), cwd: root }));
    started.push(chain.process);

    await narrator.step("Compiling the contracts", async (say) => {
      const build = ManagedProcess.start({
        name: "build",
        command: process.execPath,
        args: [join(require.resolve("hardhat/package.json"), "..", "dist/src/cli.js"), "build", "--quiet"],
        logFile: join(dir, "logs", "build.log"),
        cwd: root,
      });
      await build.whenExited();
      if (build.exitCode !== 0) throw new Error(`hardhat build failed (${build.logFile}):\n${build.lastOutput()}`);
      say("artifacts ready");
    });

    const addressesFile = join(dir, "addresses.json");
    const addresses = await narrator.step("Deploying the contracts with Hardhat Ignition", async (say) => {
      // A journal of its own (per chain port), so that two devnets at once do not share Ignition's chain-31337 one;
      // the chain is new each time, so the journal is dropped once the addresses are written.
      const deploymentId = `devnet-${port}`;
      const journal = join(root, "ignition", "deployments", deploymentId);
      rmSync(journal, { recursive: true, force: true });
      const { default: hre } = await import("hardhat");
      const { deployVeritensor } = await import("../deploy/deployVeritensor.js");
      const connection = await hre.network.create({ network: "localhost", override: { url: chain.rpcUrl } });
      let a;
      try {
        a = await deployVeritensor(connection, { outFile: addressesFile, root, deploymentId, subnetParams: DEVNET_SUBNET_PARAMS, challengeParams: DEVNET_CHALLENGE_PARAMS });
      } finally {
        await connection.close();
        rmSync(journal, { recursive: true, force: true });
      }
      for (const [name, address] of Object.entries(a.contracts)) say(`${name.padEnd(16)} ${address}`);
      say(`models registered: ${a.models.map((m) => `${m.name} (${m.modelHash.slice(0, 10)}…)`).join(", ")}`);
      say(`addresses written to ${addressesFile}`);
      return a;
    });
    // From here on, blocks also come every DEVNET_BLOCK_MS so that epochs advance on their own.
    await rpc(chain.rpcUrl, "evm_setIntervalMining", [DEVNET_BLOCK_MS]);

    const actors = devActors();
    const client = (a: DevAccount) => createClient({ rpcUrl: chain.rpcUrl, addresses, privateKey: a.privateKey });
    const clients = { deployer: client(actors.deployer), user: client(actors.user), delegator: client(actors.delegator), keeper: client(devAccount(8)) };
    const nodePorts = [await findFreePort(0), await findFreePort(0), await findFreePort(0)];
    const profiles = [
      { name: "node-1", region: "eu-north", energySource: "hydro", carbonIntensity: 25, price: parseUnits("0.002", 18) },
      { name: "node-2", region: "us-east", energySource: "grid", carbonIntensity: 380, price: parseUnits("0.001", 18) },
      { name: "node-3", region: "ap-south", energySource: "coal", carbonIntensity: 720, price: parseUnits("0.0005", 18), cheat: { mode: "noise", rate: 1 } },
    ];
    const nodes: DevnetNode[] = profiles.map((p, i) => ({ ...p, operator: actors.nodes[i].operator, signer: actors.nodes[i].signer, endpoint: `http://127.0.0.1:${nodePorts[i]}` }));

    await narrator.step("Funding actors and registering 3 nodes, 2 validators and a delegation", async (say) => {
      const token = new Contract(addresses.contracts.VeritensorToken, ["function mint(address,uint256)"], await clients.deployer.context.signer!);
      const fund = [...nodes.map((n) => n.operator), ...actors.validators, actors.delegator, actors.user];
      for (const a of fund) await (await token.mint(a.address, DEVNET_FUNDING)).wait();
      say(`minted ${DEVNET_FUNDING / TOKEN} VTS to ${fund.length} accounts`);
      await Promise.all(
        nodes.map(async (n) => {
          await client(n.operator).registerNode({ signer: n.signer.address, endpoint: n.endpoint, price: n.price, region: n.region, energySource: n.energySource, carbonIntensity: n.carbonIntensity, selfStake: 1000n * TOKEN });
          say(`${n.name}: operator ${n.operator.address}, signing key ${n.signer.address}, ${n.region}/${n.energySource} ${n.carbonIntensity} gCO2/kWh${n.cheat ? "  ← will cheat" : ""}`);
        }),
      );
      await Promise.all(actors.validators.map((v) => client(v).registerValidator(2000n * TOKEN)));
      say(`validators: ${actors.validators.map((v) => v.address).join(", ")}`);
      await clients.delegator.delegate(nodes[0].operator.address, 500n * TOKEN);
      say(`delegator ${actors.delegator.address} delegated 500 VTS to ${nodes[0].name}`);
    });

    // The devnet serves the small generated MLP and PaddleOCR's text-direction classifier (real weights).
    const modelDir = join(dir, "models");
    mkdirSync(modelDir, { recursive: true });
    const served = ["mlp", "paddle-cls"];
    for (const name of served) {
      const manifest = JSON.parse(readFileSync(join(root, "models", `${name}.json`), "utf8"));
      writeFileSync(join(modelDir, `${name}.json`), JSON.stringify({ ...manifest, file: resolve(root, "models", manifest.file) }, null, 2));
    }

    await narrator.step("Starting 3 inference nodes (separate processes)", async (say) => {
      for (const n of nodes) {
        const config = {
          host: "127.0.0.1",
          port: Number(new URL(n.endpoint).port),
          modelDir,
          executionProviders: ["cpu"],
          storePath: join(dir, `${n.name}.sqlite`),
          storeSynchronous: "normal",
          signingKey: n.signer.privateKey,
          rpcUrl: chain.rpcUrl,
          chainId: addresses.chainId,
          auditLog: addresses.contracts.AuditLog,
          modelRegistry: addresses.contracts.ModelRegistry,
          ...(addresses.contracts.Challenges ? { challenges: addresses.contracts.Challenges } : {}),
          commit: { maxBatchSize: 256, maxBatchAgeMs: 1000, pollMs: 200 },
          pricePerRequest: n.price.toString(),
          logLevel: "info",
          ...(n.cheat ? { hooksModule: join(root, "scripts", "devnet", "cheatHooks.ts") } : {}),
        };
        // Test-only cheating (node/cheats refuses it on any chain but 31337), configured through env.
        const env = n.cheat ? { VERITENSOR_CHEATS: JSON.stringify({ enabled: true, mode: n.cheat.mode, rate: n.cheat.rate, seed: 7 }), VERITENSOR_CHAIN_ID: String(addresses.chainId) } : {};
        const configFile = join(dir, `${n.name}.json`);
        writeFileSync(configFile, JSON.stringify(config, null, 2));
        n.process = ManagedProcess.start({ name: n.name, command: process.execPath, args: tsxArgs(join(root, "node", "main.ts"), ["--config", configFile]), logFile: join(dir, "logs", `${n.name}.log`), cwd: root, env });
        started.push(n.process);
      }
      await Promise.all(nodes.map((n) => n.process!.waitForHttp(`${n.endpoint}/v2/health/ready`, 120_000)));
      for (const n of nodes) say(`${n.name} serving at ${n.endpoint} (log: ${n.process!.logFile})`);
    });

    const validators: Devnet["validators"] = actors.validators.map((account) => ({ account }));
    await narrator.step("Starting 2 validators (separate processes)", async (say) => {
      for (const [i, v] of validators.entries()) {
        const port = await findFreePort(0);
        v.url = `http://127.0.0.1:${port}`;
        const config = {
          models: served.map((name) => ({ name, file: JSON.parse(readFileSync(join(modelDir, `${name}.json`), "utf8")).file })),
          executionProviders: ["cpu"],
          probeIntervalMs: 1500,
          sampleRate: 0.2,
          logLevel: "info",
        };
        const configFile = join(dir, `validator-${i + 1}.json`);
        writeFileSync(configFile, JSON.stringify(config, null, 2));
        const args = ["--config", configFile, "--deployment", addressesFile, "--rpc-url", chain.rpcUrl, "--stats-port", String(port)];
        v.process = ManagedProcess.start({
          name: `validator-${i + 1}`,
          command: process.execPath,
          args: tsxArgs(join(root, "node", "validator", "main.ts"), args),
          logFile: join(dir, "logs", `validator-${i + 1}.log`),
          cwd: root,
          env: { VERITENSOR_VALIDATOR_KEY: v.account.privateKey },
        });
        started.push(v.process);
      }
      await Promise.all(validators.map((v) => v.process!.waitForHttp(`${v.url}/stats`, 120_000)));
      for (const [i, v] of validators.entries()) say(`validator-${i + 1} ${v.account.address} at ${v.url}`);
    });

    const explorer = await narrator.step("Starting the explorer dashboard", async (say) => {
      const e = await startExplorer({ rpcUrl: chain.rpcUrl, addresses, validatorUrls: validators.map((v) => v.url!), port: await findFreePort(8080) });
      started.push({ stop: () => e.close() });
      say(`dashboard: ${e.url}`);
      return e;
    });

    return { root, dir, rpcUrl: chain.rpcUrl, addresses, addressesFile, nodes, validators, clients, explorer, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
