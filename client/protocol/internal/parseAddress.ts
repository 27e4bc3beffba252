// Validates an address string (any case; mixed case must carry a valid EIP-55 checksum).
import { ReceiptFormatError } from "../../errors/ReceiptFormatError.js";
import type { Address } from "../Address.js";
import { checksumAddress } from "./checksumAddress.js";
import { writeHexField } from "./writeHexField.js";

/** The checksummed form of `value`; throws {@link ReceiptFormatError} if it is not an address or its mixed case is a wrong checksum. */
export function parseAddress(value: unknown, field: string): Address {
  const b = Buffer.alloc(20);
  writeHexField(b, 0, value, 20, field);
  const sum = checksumAddress(b);
  const body = (value as string).slice(2);
  if (body !== body.toLowerCase() && body !== body.toUpperCase() && `0x${body}` !== sum) {
    throw new ReceiptFormatError(`${field} ${value} has a wrong EIP-55 checksum`, { details: `did you mean ${sum}?` });
  }
  return sum;
}
