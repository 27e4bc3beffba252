// A contract ABI the SDK needs is not compiled yet.
import { SdkError } from "./SdkError.js";

/** A contract ABI the SDK needs is not compiled yet. */
export class ArtifactNotFoundError extends SdkError {
  override name = "ArtifactNotFoundError";
  constructor(contractName: string, path: string) {
    super(`No compiled artifact for contract ${contractName}.`, {
      hint: "Run `npx hardhat build` in the project root first.",
      details: `looked for ${path}`,
    });
  }
}
