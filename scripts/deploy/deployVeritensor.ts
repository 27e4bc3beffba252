// Deploys the whole system with Hardhat Ignition on a network connection and writes the addresses JSON.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { NetworkConnection } from "hardhat/types/network";
import type { DeploymentAddresses } from "../../client/sdk/DeploymentAddresses.js";
import VeritensorModule from "../../ignition/modules/Veritensor.js";
import { bundledModels } from "./bundledModels.js";

/** Options of {@link deployVeritensor}. */
export interface DeployVeritensorOptions {
  /** Write the addresses JSON here (directories are created). */
  outFile?: string;
  /** Ignition deployment id (journal folder under ignition/deployments/). */
  deploymentId?: string;
  /** Project root holding models/ (default: cwd). */
  root?: string;
  /** Subnet constructor parameters (default: the module's DEFAULT_SUBNET_PARAMS). */
  subnetParams?: Record<string, bigint | number>;
  /** Challenges parameters to change after deployment (owner call), e.g. short windows on a devnet. */
  challengeParams?: Record<string, bigint | number | boolean>;
}

/**
 * Runs the `Veritensor` Ignition module (contracts, roles, bundled models) on `connection` and
 * returns (and optionally writes) the deployment's addresses.
 *
 * @example
 * const connection = await hre.network.connect({ network: "localhost", override: { url } });
 * const addresses = await deployVeritensor(connection, { outFile: ".veritensor/devnet/addresses.json" });
 */
export async function deployVeritensor(connection: NetworkConnection, o: DeployVeritensorOptions = {}): Promise<DeploymentAddresses> {
  const { ethers, ignition } = connection as NetworkConnection & { ethers: any; ignition: any };
  const startBlock = (await ethers.provider.getBlockNumber()) + 1;
  const chainId = Number((await ethers.provider.getNetwork()).chainId);
  const deployed = await ignition.deploy(VeritensorModule, {
    deploymentId: o.deploymentId,
    parameters: o.subnetParams ? { Veritensor: { subnetParams: o.subnetParams } } : undefined,
    displayUi: false,
    config: { blockPollingInterval: 25, requiredConfirmations: 1 },
  });
  if (o.challengeParams) {
    const current = (await deployed.challenges.params()).toObject();
    await (await deployed.challenges.setParams({ ...current, ...o.challengeParams })).wait();
  }
  const addr = async (c: { getAddress(): Promise<string> }) => (await c.getAddress()) as `0x${string}`;
  const addresses: DeploymentAddresses = {
    chainId,
    startBlock,
    contracts: {
      VeritensorToken: await addr(deployed.token),
      ModelRegistry: await addr(deployed.registry),
      AuditLog: await addr(deployed.auditLog),
      Subnet: await addr(deployed.subnet),
      Challenges: await addr(deployed.challenges),
    },
    models: bundledModels(o.root ?? process.cwd()).map((m) => ({ name: m.name, modelHash: m.modelHash, path: m.relPath })),
  };
  if (o.outFile) {
    mkdirSync(dirname(o.outFile), { recursive: true });
    writeFileSync(o.outFile, JSON.stringify(addresses, null, 2) + "\n");
  }
  return addresses;
}
