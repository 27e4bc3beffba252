// The commitment a committee member posts with Challenges.commitVote before revealing its vote.
import { AbiCoder, isAddress, isHexString, keccak256 } from "ethers";
import type { Address } from "../protocol/Address.js";
import type { Hex } from "../protocol/Hex.js";
import { DisputeArgumentError } from "./DisputeArgumentError.js";
import { Vote } from "./Vote.js";

/** Arguments of {@link voteCommitment}. */
export interface VoteCommitmentParameters {
  /** The challenge id (`IChallenges` ids start at 1). */
  challengeId: bigint;
  /** The committee member that commits (the transaction sender). */
  voter: Address;
  /** `Vote.Match` or `Vote.Mismatch`. */
  vote: Vote;
  /** 32 random bytes kept secret until the reveal (see `randomVoteSalt`). */
  salt: Hex;
}

const coder = AbiCoder.defaultAbiCoder();

/**
 * The vote commitment `keccak256(abi.encode(uint256 challengeId, address voter, uint8 vote, bytes32 salt))`, exactly
 * what `Challenges.voteCommitment` computes and `revealVote` checks.
 *
 * @example
 * const salt = randomVoteSalt();
 * await challenges.commitVote(id, voteCommitment({ challengeId: id, voter: me, vote: Vote.Mismatch, salt }));
 * // after every member committed, or the commit deadline passed:
 * await challenges.revealVote(id, Vote.Mismatch, salt);
 */
export function voteCommitment({ challengeId, voter, vote, salt }: VoteCommitmentParameters): Hex {
  if (typeof challengeId !== "bigint" || challengeId < 0n || challengeId >= 2n ** 256n) {
    throw new DisputeArgumentError("Invalid challenge id.", { details: `Expected a uint256 bigint, got ${String(challengeId)}.` });
  }
  if (!isAddress(voter)) throw new DisputeArgumentError("Invalid voter address.", { details: `Got ${String(voter)}.` });
  if (vote !== Vote.Match && vote !== Vote.Mismatch) {
    throw new DisputeArgumentError("Invalid vote.", { details: `Expected Vote.Match (1) or Vote.Mismatch (2), got ${String(vote)}.` });
  }
  if (!isHexString(salt, 32)) throw new DisputeArgumentError("Invalid salt.", { details: `Expected 32 bytes as 0x-hex, got ${String(salt)}.` });
  return keccak256(coder.encode(["uint256", "address", "uint8", "bytes32"], [challengeId, voter, vote, salt])) as Hex;
}
