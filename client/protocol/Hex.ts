// The hex string type used across the protocol: "0x" followed by hex digits.

/** A `0x`-prefixed hex string (bytes32 values, signatures, addresses). */
export type Hex = `0x${string}`;
