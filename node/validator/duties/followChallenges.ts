// Duty: drive the challenges this validator opened to settlement (draw the committee, finalize when due).
import type { Validator } from "../Validator.js";
import { CHALLENGE_STATUS, CHALLENGE_OUTCOME } from "./challengeEnums.js";
import { shortError } from "./shortError.js";

/** Drives this validator's open challenges to settlement (draw the committee, finalize when due). */
export async function followChallenges(v: Validator): Promise<void> {
  const open = [...v.challenges.values()].filter((c) => c.status !== "Settled");
  if (open.length === 0) return;
  const now = await v.chain.now();
  const block = BigInt(await v.chain.provider.getBlockNumber());
  for (const rec of open) {
    const id = BigInt(rec.id);
    const c = await v.chain.challenges.getChallenge(id);
    const status = CHALLENGE_STATUS[Number(c.status)];
    try {
      if (status === "AwaitingResponse" && now > BigInt(c.responseDeadline)) await v.chain.tx(v.chain.challenges, "finalize", id);
      else if (status === "AwaitingCommittee" && block > BigInt(c.seedBlock)) await v.chain.tx(v.chain.challenges, "drawCommittee", id);
      else if (status === "Voting") {
        const members = ((await v.chain.challenges.committeeOf(id)) as string[]).length;
        const revealed = Number(c.matchVotes) + Number(c.mismatchVotes);
        if (now > BigInt(c.revealDeadline) || revealed >= members) await v.chain.tx(v.chain.challenges, "finalize", id);
      }
    } catch (e) {
      v.log.debug("challenge step not possible yet", { id, status, error: shortError(e) });
    }
    const after = await v.chain.challenges.getChallenge(id);
    rec.status = CHALLENGE_STATUS[Number(after.status)];
    rec.outcome = CHALLENGE_OUTCOME[Number(after.outcome)];
    if (rec.status === "Settled") {
      const t = v.nodes.get(rec.node.toLowerCase());
      if (t) t.openChallenges = Math.max(0, t.openChallenges - 1);
      // slashed (and jailed): stop probing and challenging it until the Subnet lists it as eligible again
      if (t && ["DoubleSigned", "InclusionUnanswered", "Mismatch"].includes(rec.outcome)) t.node.eligible = false;
      for (const [leaf, ev] of v.evidence) if (ev.receipt.node.toLowerCase() === rec.node.toLowerCase() && ev.receipt.seq.toString() === rec.seq) v.evidence.delete(leaf);
      v.log.info("challenge settled", { id, kind: rec.kind, node: rec.node, outcome: rec.outcome });
    }
  }
}
