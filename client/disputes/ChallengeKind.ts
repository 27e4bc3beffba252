// The kind of a challenge, as the Challenges contract encodes it (IChallenges.ChallengeKind).

/**
 * Values of `IChallenges.ChallengeKind`.
 *
 * @example
 * if (Number(c.kind) === ChallengeKind.WrongOutput) await serveOnCommittee(c);
 */
export const ChallengeKind = { None: 0, DoubleSign: 1, Inclusion: 2, WrongOutput: 3 } as const;

/** One of the {@link ChallengeKind} values. */
export type ChallengeKind = (typeof ChallengeKind)[keyof typeof ChallengeKind];
