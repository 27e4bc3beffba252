// Recovers the 20-byte signer of an EIP-712 digest from a 65-byte r‖s‖v signature, OpenZeppelin ECDSA rules.
import secp256k1 from "secp256k1";
import { ReceiptSignatureError } from "../../errors/ReceiptSignatureError.js";
import { publicKeyToAddressBytes } from "./publicKeyToAddressBytes.js";

const SIG = Buffer.alloc(65);
// secp256k1 n / 2, the largest s OpenZeppelin's ECDSA (and ethers) accept.
const HALF_N = Buffer.from("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", "hex");

/**
 * The signer's address bytes. Same acceptance rules as OpenZeppelin's `ECDSA.recover`: 65 bytes,
 * v 27 or 28, s at most n/2, r and s in [1, n-1]. Throws {@link ReceiptSignatureError} otherwise.
 */
export function recoverSignerBytes(digest: Uint8Array, signature: unknown): Uint8Array {
  if (typeof signature !== "string" || signature.length !== 132 || !signature.startsWith("0x") || SIG.write(signature.slice(2), 0, 65, "hex") !== 65) {
    const got = typeof signature === "string" ? `${signature.length} chars` : typeof signature;
    throw new ReceiptSignatureError(`signature must be 65 bytes r‖s‖v as 0x-hex (132 chars), got ${got}`);
  }
  const v = SIG[64];
  if (v !== 27 && v !== 28) {
    throw new ReceiptSignatureError(`signature v is ${v}; it must be 27 or 28`, { details: "if you hold v as 0/1, add 27" });
  }
  const s = SIG.subarray(32, 64);
  if (Buffer.compare(s, HALF_N) > 0) {
    throw new ReceiptSignatureError("signature s is in the upper half of the curve order (malleable form)", {
      details: "OpenZeppelin ECDSA rejects it; use s' = n - s and flip v",
    });
  }
  let pub: Uint8Array;
  try {
    pub = secp256k1.ecdsaRecover(SIG.subarray(0, 64), v - 27, digest, false);
  } catch (e) {
    throw new ReceiptSignatureError("signature does not recover to any public key (r or s is 0 or not below the curve order)", { cause: e });
  }
  return publicKeyToAddressBytes(pub);
}
