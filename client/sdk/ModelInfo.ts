// A model registered in the ModelRegistry.
import type { Address, Hex } from "../index.js";

/** A registered model with its verification policy. */
export interface ModelInfo {
  modelHash: Hex;
  name: string;
  uri: string;
  owner: Address;
  ioSpecHash: Hex;
  policy: { kind: "Tolerance" | "Bitwise"; minCosine: bigint; maxRelAbsError: bigint; topK: number };
  registeredAt: number;
  deprecated: boolean;
}
