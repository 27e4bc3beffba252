// Converts a protocol receipt to the IAuditLog.Receipt struct argument of the AuditLog and Challenges contracts.
import { getAddress, isAddress, isHexString } from "ethers";
import type { Receipt } from "../protocol/Receipt.js";
import { DisputeArgumentError } from "./DisputeArgumentError.js";

/** The `IAuditLog.Receipt` tuple as ethers encodes it (field order and names of the Solidity struct). */
export interface ContractReceipt {
  requestId: string;
  modelHash: string;
  inputDigest: string;
  outputDigest: string;
  node: string;
  seq: bigint;
  timestamp: bigint;
}

const BYTES32 = ["requestId", "modelHash", "inputDigest", "outputDigest"] as const;
const UINT64 = ["seq", "timestamp"] as const;

/**
 * The struct argument for `AuditLog.verifyReceipt` and for `proveDoubleSign`, `openInclusionChallenge` and
 * `openWrongOutputChallenge`: the seven receipt fields (a `SignedReceipt`'s signature is dropped; pass it as the separate `bytes` argument). Checks every
 * field so a malformed receipt fails here with a clear message instead of as an ABI encoding error.
 *
 * @example
 * await challenges.openInclusionChallenge(toContractReceipt(signed), signed.signature);
 */
export function toContractReceipt(receipt: Receipt): ContractReceipt {
  for (const key of BYTES32) {
    if (!isHexString(receipt[key], 32)) {
      throw new DisputeArgumentError(`Invalid receipt field ${key}.`, { details: `Expected 32 bytes as 0x-hex, got ${String(receipt[key])}.` });
    }
  }
  for (const key of UINT64) {
    const v = receipt[key];
    if (typeof v !== "bigint" || v < 0n || v >= 2n ** 64n) {
      throw new DisputeArgumentError(`Invalid receipt field ${key}.`, { details: `Expected a uint64 bigint, got ${String(v)}.` });
    }
  }
  if (!isAddress(receipt.node)) {
    throw new DisputeArgumentError("Invalid receipt field node.", { details: `Expected an address, got ${String(receipt.node)}.` });
  }
  return {
    requestId: receipt.requestId,
    modelHash: receipt.modelHash,
    inputDigest: receipt.inputDigest,
    outputDigest: receipt.outputDigest,
    node: getAddress(receipt.node),
    seq: receipt.seq,
    timestamp: receipt.timestamp,
  };
}
