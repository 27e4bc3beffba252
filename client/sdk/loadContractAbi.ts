// Loads a contract's ABI from the Hardhat artifacts folder of this project.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { InterfaceAbi } from "ethers";
import { ArtifactNotFoundError } from "./errors/ArtifactNotFoundError.js";

const cache = new Map<string, InterfaceAbi>();

/**
 * The ABI of a compiled contract of this project (artifacts/contracts/<Name>.sol/<Name>.json).
 * Throws {@link ArtifactNotFoundError} (saying to run `npx hardhat build`) when it is missing.
 *
 * @example
 * const abi = loadContractAbi("AuditLog");
 */
export function loadContractAbi(contractName: string, artifactsDir?: string): InterfaceAbi {
  const dir = artifactsDir ?? fileURLToPath(new URL("../../artifacts/contracts/", import.meta.url));
  const path = `${dir}/${contractName}.sol/${contractName}.json`;
  const hit = cache.get(path);
  if (hit) return hit;
  if (!existsSync(path)) throw new ArtifactNotFoundError(contractName, path);
  const abi = JSON.parse(readFileSync(path, "utf8")).abi as InterfaceAbi;
  cache.set(path, abi);
  return abi;
}
