// Creates a Veritensor client bound to a chain and a deployment.
import { Contract, JsonRpcProvider, Wallet, type Signer } from "ethers";
import type { ClientContext } from "./ClientContext.js";
import type { DeploymentAddresses } from "./DeploymentAddresses.js";
import { loadContractAbi } from "./loadContractAbi.js";
import { loadDeploymentAddresses } from "./loadDeploymentAddresses.js";
import { bindClient, type VeritensorClient } from "./VeritensorClient.js";

/** Parameters of {@link createClient}. */
export interface CreateClientParameters {
  /** JSON-RPC URL of the chain, e.g. http://127.0.0.1:8545. */
  rpcUrl: string;
  /** The deploy script's addresses JSON, or its file path. */
  addresses: DeploymentAddresses | string;
  /** Signs transactions (staking, challenges, weights). Omit for a read-only client. */
  privateKey?: string;
  /** Alternative to `privateKey`: any ethers Signer (its provider is replaced by this client's). */
  signer?: Signer;
  /** Timeout for HTTP calls to nodes, ms (default 30 000). */
  httpTimeoutMs?: number;
  /** Chain polling interval for tx confirmations, ms (default 250; local chains mine instantly). */
  pollingIntervalMs?: number;
}

/**
 * Creates a client for dApps, stakers and validators.
 *
 * @example
 * import { createClient } from "veritensor/client/sdk/index.js";
 * const client = createClient({ rpcUrl: "http://127.0.0.1:8545", addresses: ".veritensor/devnet/addresses.json" });
 * const { outputs, receipt } = await client.infer({ model: "tiny-mlp", inputs: [x] });
 */
export function createClient(p: CreateClientParameters): VeritensorClient {
  const addresses = loadDeploymentAddresses(p.addresses);
  // cacheTimeout -1: ethers otherwise reuses a nonce read within 250 ms, and back-to-back transactions collide.
  const provider = new JsonRpcProvider(p.rpcUrl, addresses.chainId, { staticNetwork: true, cacheTimeout: -1 });
  provider.pollingInterval = p.pollingIntervalMs ?? 250;
  const signer = p.privateKey ? new Wallet(p.privateKey, provider) : p.signer?.connect(provider);
  const runner = signer ?? provider;
  const c = addresses.contracts;
  const ctx: ClientContext = {
    provider,
    signer,
    addresses,
    domain: { chainId: BigInt(addresses.chainId), verifyingContract: c.AuditLog },
    contracts: {
      token: new Contract(c.VeritensorToken, loadContractAbi("VeritensorToken"), runner),
      registry: new Contract(c.ModelRegistry, loadContractAbi("ModelRegistry"), runner),
      auditLog: new Contract(c.AuditLog, loadContractAbi("AuditLog"), runner),
      subnet: new Contract(c.Subnet, loadContractAbi("Subnet"), runner),
      challenges: new Contract(c.Challenges, loadContractAbi("Challenges"), runner),
    },
    httpTimeoutMs: p.httpTimeoutMs ?? 30_000,
  };
  return bindClient(ctx);
}
