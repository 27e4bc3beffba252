// A committee member's vote in a wrong-output dispute, as the Challenges contract encodes it (IChallenges.Vote).

/**
 * Vote values of `IChallenges.Vote`: `Match` = the re-run output agrees with the receipt's output under the model's
 * verification policy, `Mismatch` = it does not. `None` is "not revealed" and cannot be voted.
 *
 * @example
 * await challenges.revealVote(id, Vote.Mismatch, salt);
 */
export const Vote = { None: 0, Match: 1, Mismatch: 2 } as const;

/** One of the {@link Vote} values. */
export type Vote = (typeof Vote)[keyof typeof Vote];
