// The part of IChallenges the node's inclusion responder calls (human-readable ABI for ethers).

const RECEIPT = "tuple(bytes32 requestId, bytes32 modelHash, bytes32 inputDigest, bytes32 outputDigest, address node, uint64 seq, uint64 timestamp)";

/** ABI fragments of IChallenges used by InclusionResponder (contracts/interfaces/IChallenges.sol). */
export const challengesAbi = [
  "function pendingInclusionChallenges(address node) view returns (uint256[])",
  `function getChallenge(uint256 id) view returns (tuple(uint8 kind, uint8 status, uint8 outcome, address challenger, address operator, ${RECEIPT} receipt, bytes32 receiptHash, uint256 bond, uint64 openedAt, uint64 responseDeadline, uint64 seedBlock, uint64 commitDeadline, uint64 revealDeadline, uint16 commits, uint16 matchVotes, uint16 mismatchVotes, bytes32 seed, uint256 slashed))`,
  "function answerInclusionChallenge(uint256 id, bytes32[] proof)",
  "event InclusionResponseRequested(uint256 indexed id, address indexed node, bytes32 receiptHash, uint64 responseDeadline)",
  "event InclusionProved(uint256 indexed id, address indexed by)",
  "error ChallengesUnknownChallenge(uint256 id)",
  "error ChallengesWrongStatus(uint256 id, uint8 status)",
  "error ChallengesDeadlinePassed(uint256 id, uint64 deadline)",
  "error ChallengesInvalidProof(uint256 id)",
] as const;
