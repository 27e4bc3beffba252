// IChallenges.Vote enum values of the SDK's vote names.
import type { ChallengeVote } from "../challenges/ChallengeVote.js";

/** `IChallenges.Vote` value of a vote (Match = 1, Mismatch = 2). */
export const voteCode: Record<ChallengeVote, number> = { match: 1, mismatch: 2 };
