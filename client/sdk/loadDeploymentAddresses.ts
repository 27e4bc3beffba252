// Reads and validates a deployment addresses JSON (object or file path).
import { readFileSync } from "node:fs";
import { isAddress } from "ethers";
import type { DeploymentAddresses } from "./DeploymentAddresses.js";
import { InvalidDeploymentError } from "./errors/InvalidDeploymentError.js";

const CONTRACTS = ["VeritensorToken", "ModelRegistry", "AuditLog", "Subnet", "Challenges"] as const;

/**
 * Loads the addresses JSON written by the deploy script and checks every field.
 *
 * @example
 * const addresses = loadDeploymentAddresses(".veritensor/devnet/addresses.json");
 */
export function loadDeploymentAddresses(source: string | DeploymentAddresses): DeploymentAddresses {
  let raw: unknown = source;
  if (typeof source === "string") {
    try {
      raw = JSON.parse(readFileSync(source, "utf8"));
    } catch (cause) {
      throw new InvalidDeploymentError(`cannot read ${source}`, { cause });
    }
  }
  if (typeof raw !== "object" || raw === null) throw new InvalidDeploymentError("not a JSON object");
  const d = raw as Partial<DeploymentAddresses>;
  if (!Number.isInteger(d.chainId)) throw new InvalidDeploymentError("chainId missing");
  if (typeof d.contracts !== "object" || d.contracts === null) throw new InvalidDeploymentError("contracts missing");
  for (const name of CONTRACTS) {
    const a = (d.contracts as Record<string, unknown>)[name];
    if (typeof a !== "string" || !isAddress(a)) throw new InvalidDeploymentError(`contracts.${name} is not an address`);
  }
  return {
    chainId: d.chainId!,
    startBlock: Number.isInteger(d.startBlock) ? d.startBlock! : 0,
    contracts: d.contracts,
    models: Array.isArray(d.models) ? d.models : [],
  };
}
