// The EIP-712 domain separator of receipts for one (chainId, verifyingContract), cached.
import { keccak256 } from "./keccak256.js";
import { ReceiptFormatError } from "../../errors/ReceiptFormatError.js";
import type { ReceiptDomain } from "../ReceiptDomain.js";
import { writeHexField } from "./writeHexField.js";

const DOMAIN_TYPEHASH = keccak256(Buffer.from("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)", "ascii"));
const NAME_HASH = keccak256(Buffer.from("Veritensor", "utf8"));
const VERSION_HASH = keccak256(Buffer.from("1", "utf8"));
const MAX_U256 = (1n << 256n) - 1n;
const cache = new Map<string, Uint8Array>();

/**
 * `keccak256(typeHash(EIP712Domain) ‖ keccak256("Veritensor") ‖ keccak256("1") ‖ chainId ‖ pad(verifyingContract))`.
 * Throws {@link ReceiptFormatError} on a malformed domain.
 */
export function domainSeparatorBytes(domain: ReceiptDomain): Uint8Array {
  if (domain === null || typeof domain !== "object") throw new ReceiptFormatError("receipt domain must be an object { chainId, verifyingContract }");
  const chainId = domain.chainId as unknown;
  if (!((typeof chainId === "bigint" && chainId >= 0n && chainId <= MAX_U256) || (typeof chainId === "number" && Number.isSafeInteger(chainId) && chainId >= 0))) {
    throw new ReceiptFormatError(`domain chainId must be a non-negative bigint, got ${String(chainId)}`);
  }
  const key = `${chainId}:${String(domain.verifyingContract).toLowerCase()}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const b = Buffer.alloc(160);
  b.set(DOMAIN_TYPEHASH, 0);
  b.set(NAME_HASH, 32);
  b.set(VERSION_HASH, 64);
  const id = BigInt(chainId as bigint | number);
  for (let i = 0; i < 4; i++) b.writeBigUInt64BE((id >> BigInt(64 * (3 - i))) & 0xffffffffffffffffn, 96 + 8 * i);
  writeHexField(b, 140, domain.verifyingContract, 20, "domain verifyingContract");
  const sep = keccak256(b);
  if (cache.size >= 256) cache.clear();
  cache.set(key, sep);
  return sep;
}
