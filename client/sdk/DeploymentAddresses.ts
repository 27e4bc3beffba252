// The JSON the deploy script writes: chain id, contract addresses and the bundled models.
import type { Address, Hex } from "../index.js";

/** One model registered by the deploy script. */
export interface DeployedModel {
  /** Registry name, also the OIP v2 model name nodes serve it under. */
  name: string;
  /** sha256 of the .onnx bytes. */
  modelHash: Hex;
  /** Path of the .onnx file the hash was computed from (relative to the project root). */
  path: string;
}

/**
 * Where a Veritensor deployment lives. Written by `scripts/deploy` (and `npm start`) as JSON;
 * pass it (or its path) to {@link createClient}.
 */
export interface DeploymentAddresses {
  chainId: number;
  /** Block of the first deployment transaction (event scans start here). */
  startBlock: number;
  contracts: {
    VeritensorToken: Address;
    ModelRegistry: Address;
    AuditLog: Address;
    Subnet: Address;
    Challenges: Address;
  };
  models: DeployedModel[];
}
