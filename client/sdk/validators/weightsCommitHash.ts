// The commitment a validator posts before revealing its weights.
import { AbiCoder, keccak256 } from "ethers";

/**
 * keccak256(abi.encode(validator, epoch, nodeIds, weights, salt)), as Subnet.revealWeights checks.
 *
 * @example
 * const h = weightsCommitHash(me, 3n, [0, 1], [65535, 30000], salt);
 */
export function weightsCommitHash(validator: string, epoch: bigint, nodeIds: number[], weights: number[], salt: string): string {
  return keccak256(AbiCoder.defaultAbiCoder().encode(["address", "uint256", "uint16[]", "uint16[]", "bytes32"], [validator, epoch, nodeIds, weights, salt]));
}
