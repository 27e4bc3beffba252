// The status of a challenge, as the Challenges contract encodes it (IChallenges.ChallengeStatus).

/**
 * Values of `IChallenges.ChallengeStatus`: `AwaitingResponse` (inclusion, node must answer), `AwaitingCommittee`
 * (wrong output, call `drawCommittee` once the seed block is mined), `Voting` (commit, then reveal), `Settled`
 * (final; see {@link ChallengeOutcome}).
 *
 * @example
 * if (Number(c.status) === ChallengeStatus.AwaitingCommittee) await challenges.drawCommittee(id);
 */
export const ChallengeStatus = { None: 0, AwaitingResponse: 1, AwaitingCommittee: 2, Voting: 3, Settled: 4 } as const;

/** One of the {@link ChallengeStatus} values. */
export type ChallengeStatus = (typeof ChallengeStatus)[keyof typeof ChallengeStatus];
