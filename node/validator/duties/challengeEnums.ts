// Names of the Challenges contract's enum values (from client/disputes), for logs and /stats.
import { ChallengeOutcome } from "../../../client/disputes/ChallengeOutcome.js";
import { ChallengeStatus } from "../../../client/disputes/ChallengeStatus.js";

const byValue = (e: Record<string, number>) => Object.entries(e).sort((a, b) => a[1] - b[1]).map(([name]) => name);

/** `IChallenges.ChallengeStatus` names, indexed by value. */
export const CHALLENGE_STATUS: readonly string[] = byValue(ChallengeStatus);

/** `IChallenges.Outcome` names, indexed by value. */
export const CHALLENGE_OUTCOME: readonly string[] = byValue(ChallengeOutcome);
