// Reads a contract interface's ABI from the Hardhat build artifacts, so the daemon always matches the contracts.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { InterfaceAbi } from "ethers";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * The ABI of `contracts/interfaces/<name>.sol` from `artifacts/`. Throws with the fix when the project
 * has not been built.
 *
 * @example
 * new Contract(address, loadInterfaceAbi("IChallenges"), wallet);
 */
export function loadInterfaceAbi(name: string): InterfaceAbi {
  const file = path.join(ROOT, "artifacts/contracts/interfaces", `${name}.sol`, `${name}.json`);
  try {
    return JSON.parse(readFileSync(file, "utf8")).abi as InterfaceAbi;
  } catch (e) {
    throw new Error(`cannot read the ABI of ${name} at ${file} (${(e as Error).message}); run \`npx hardhat build\` first`);
  }
}
