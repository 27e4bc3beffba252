// A committee vote on a wrong-output challenge.


/** A committee vote: the output matches the re-run under the model's policy, or it does not. */
export type ChallengeVote = "match" | "mismatch";
