// The EVM address type: 20 bytes as a `0x`-prefixed hex string.
import type { Hex } from "./Hex.js";

/** A 20-byte EVM address, `0x` + 40 hex digits. Functions of this package return EIP-55 checksummed addresses. */
export type Address = Hex;
