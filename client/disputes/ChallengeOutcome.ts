// The final outcome of a challenge, as the Challenges contract encodes it (IChallenges.Outcome).

/**
 * Values of `IChallenges.Outcome`. The node was slashed for `DoubleSigned`, `InclusionUnanswered` and `Mismatch`;
 * `InclusionProved` and `Match` dismiss the challenge (bond to the operator / voters); `Tie`, `NoQuorum` and
 * `NoCommittee` are inconclusive (bond returned, no slash; the receipt may be challenged again).
 *
 * @example
 * const slashed = [ChallengeOutcome.DoubleSigned, ChallengeOutcome.InclusionUnanswered, ChallengeOutcome.Mismatch].includes(outcome);
 */
export const ChallengeOutcome = {
  None: 0,
  DoubleSigned: 1,
  InclusionUnanswered: 2,
  InclusionProved: 3,
  Mismatch: 4,
  Match: 5,
  Tie: 6,
  NoQuorum: 7,
  NoCommittee: 8,
} as const;

/** One of the {@link ChallengeOutcome} values. */
export type ChallengeOutcome = (typeof ChallengeOutcome)[keyof typeof ChallengeOutcome];
