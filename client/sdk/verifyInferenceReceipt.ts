// Checks a node's signed receipt against what the client sent and received.
import { getAddress } from "ethers";
import { ioDigest, recoverReceiptSigner, type Hex, type ReceiptDomain, type SignedReceipt, type Tensor } from "../index.js";
import { ReceiptFieldMismatchError } from "./errors/ReceiptFieldMismatchError.js";
import { ReceiptSignatureMismatchError } from "./errors/ReceiptSignatureMismatchError.js";

/** Parameters of {@link verifyInferenceReceipt}. */
export interface VerifyInferenceReceiptParameters {
  receipt: SignedReceipt;
  /** EIP-712 domain: chain id and the AuditLog address. */
  domain: ReceiptDomain;
  /** The node's registered signing key (from the Subnet). */
  expectedSigner: string;
  /** The registered model hash the client asked for. */
  modelHash: Hex;
  /** The inputs exactly as sent. */
  inputs: Tensor[];
  /** The outputs exactly as received. */
  outputs: Tensor[];
}

/**
 * Verifies, without trusting the node: the EIP-712 signature recovers to the node's registered
 * signing key (and `receipt.node` is that key), the model hash is the registered one, the input
 * digest equals the digest the client computes over its own inputs, and the output digest equals
 * the digest of the outputs it received. Throws a {@link ReceiptSignatureMismatchError} or
 * {@link ReceiptFieldMismatchError}; returns the digests on success.
 *
 * @example
 * verifyInferenceReceipt({ receipt, domain, expectedSigner: node.signingKey, modelHash, inputs, outputs });
 */
export function verifyInferenceReceipt(p: VerifyInferenceReceiptParameters): { inputDigest: Hex; outputDigest: Hex } {
  const expected = getAddress(p.expectedSigner);
  const recovered = getAddress(recoverReceiptSigner(p.receipt, p.domain));
  if (recovered !== expected) throw new ReceiptSignatureMismatchError(expected, recovered);
  if (getAddress(p.receipt.node) !== expected) throw new ReceiptFieldMismatchError("node", expected, p.receipt.node);
  if (p.receipt.modelHash.toLowerCase() !== p.modelHash.toLowerCase()) {
    throw new ReceiptFieldMismatchError("modelHash", p.modelHash, p.receipt.modelHash);
  }
  const inputDigest = ioDigest(p.inputs);
  if (p.receipt.inputDigest.toLowerCase() !== inputDigest.toLowerCase()) {
    throw new ReceiptFieldMismatchError("inputDigest", inputDigest, p.receipt.inputDigest);
  }
  const outputDigest = ioDigest(p.outputs);
  if (p.receipt.outputDigest.toLowerCase() !== outputDigest.toLowerCase()) {
    throw new ReceiptFieldMismatchError("outputDigest", outputDigest, p.receipt.outputDigest);
  }
  return { inputDigest, outputDigest };
}
