// The devnet's named actors, derived from Hardhat's well-known test mnemonic (never use on a real chain).
import { HDNodeWallet, Mnemonic } from "ethers";

const MNEMONIC = "test test test test test test test test test test test junk";

/** An address with its (public, test-only) private key. */
export interface DevAccount {
  address: `0x${string}`;
  privateKey: `0x${string}`;
}

/** Account `i` of the Hardhat node's default mnemonic (funded with 10 000 ETH on `hardhat node`). */
export function devAccount(i: number): DevAccount {
  const w = HDNodeWallet.fromMnemonic(Mnemonic.fromPhrase(MNEMONIC), `m/44'/60'/0'/0/${i}`);
  return { address: w.address as `0x${string}`, privateKey: w.privateKey as `0x${string}` };
}

/**
 * Who is who on the devnet: the deployer (subnet owner), 3 node operators with separate signing
 * keys, 2 validators, a delegator and a dApp user.
 *
 * @example
 * const { deployer, nodes } = devActors();
 */
export function devActors() {
  return {
    deployer: devAccount(0),
    nodes: [1, 2, 3].map((i) => ({ operator: devAccount(i), signer: devAccount(i + 10) })),
    validators: [devAccount(4), devAccount(5)],
    delegator: devAccount(6),
    user: devAccount(7),
  };
}
