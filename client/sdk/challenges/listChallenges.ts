// Reads challenges from the Challenges contract in a readable form.
import type { ClientContext } from "../ClientContext.js";
import { toJsonSafe } from "../internal/toJsonSafe.js";
import { CHALLENGE_OUTCOMES } from "./CHALLENGE_OUTCOMES.js";

const KINDS = ["None", "DoubleSign", "Inclusion", "WrongOutput"];
const STATUSES = ["None", "AwaitingResponse", "AwaitingCommittee", "Voting", "Settled"];

/** A challenge with its enums named. */
export interface ChallengeInfo {
  id: bigint;
  kind: string;
  status: string;
  outcome: string;
  challenger: string;
  operator: string;
  node: string;
  seq: bigint;
  slashed: bigint;
  bond: bigint;
  raw: Record<string, unknown>;
}

/**
 * Every challenge (oldest first), or those against signing key `node`.
 *
 * @example
 * const settled = (await client.listChallenges()).filter((c) => c.status === "Settled");
 */
export async function listChallenges(ctx: ClientContext, p: { node?: string } = {}): Promise<ChallengeInfo[]> {
  const c = ctx.contracts.challenges;
  const ids: bigint[] = p.node
    ? [...(await c.challengesAgainst(p.node))].map(BigInt)
    : Array.from({ length: Number(await c.challengeCount()) }, (_, i) => BigInt(i + 1));
  return Promise.all(
    ids.map(async (id) => {
      const x = await c.getChallenge(id);
      return {
        id,
        kind: KINDS[Number(x.kind)],
        status: STATUSES[Number(x.status)],
        outcome: CHALLENGE_OUTCOMES[Number(x.outcome)],
        challenger: x.challenger,
        operator: x.operator,
        node: x.receipt.node,
        seq: BigInt(x.receipt.seq),
        slashed: BigInt(x.slashed),
        bond: BigInt(x.bond),
        raw: toJsonSafe(x) as Record<string, unknown>,
      };
    }),
  );
}
