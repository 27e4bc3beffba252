// Names of the IChallenges.Outcome enum values.


/** Names of `IChallenges.Outcome` values, by index. */
export const CHALLENGE_OUTCOMES = ["None", "DoubleSigned", "InclusionUnanswered", "InclusionProved", "Mismatch", "Match", "Tie", "NoQuorum", "NoCommittee"];
