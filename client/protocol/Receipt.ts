// The receipt a node signs for every inference (EIP-712 struct Receipt of DESIGN.md).
import type { Address } from "./Address.js";
import type { Hex } from "./Hex.js";

/**
 * One inference receipt, the EIP-712 struct
 * `Receipt(bytes32 requestId,bytes32 modelHash,bytes32 inputDigest,bytes32 outputDigest,address node,uint64 seq,uint64 timestamp)`.
 * `modelHash` is sha256 of the .onnx bytes; the digests come from {@link ioDigest}; `node` is the
 * signing key's address; `seq` counts 0 or 1, 2, ... per node with no gaps; `timestamp` is unix seconds.
 */
export interface Receipt {
  requestId: Hex;
  modelHash: Hex;
  inputDigest: Hex;
  outputDigest: Hex;
  node: Address;
  seq: bigint;
  timestamp: bigint;
}
