// The only chain id on which a node may run cheating modes (Hardhat's local chain).

/** Chain id of Hardhat's local dev chain; cheating modes are refused on any other chain. */
export const DEV_CHAIN_ID = 31337n;
