// Duty: sit on wrong-output dispute committees — fetch the data, check it against the receipt, re-run, vote by commit-reveal.
import type { SignedReceipt, Tensor } from "../../../client/index.js";
import { decodeJsonTensor, ioDigest } from "../../../client/index.js";
import { compareOutputs } from "../../../client/policy/index.js";
import type { Validator } from "../Validator.js";
import { Vote } from "../../../client/disputes/Vote.js";
import { randomVoteSalt } from "../../../client/disputes/randomVoteSalt.js";
import { shortError } from "./shortError.js";

/** Votes (commit, then reveal) in every dispute committee this validator sits on. */
export async function serveCommittees(v: Validator): Promise<void> {
  if (!(v.config.committee ?? true)) return;
  const duties = (await v.chain.challenges.pendingCommitteeDuties(v.chain.address)) as bigint[];
  for (const id of duties) {
    const key = id.toString();
    try {
      const mine = v.votes.get(key);
      if (!mine) {
        const vote = await decideVote(v, id);
        if (vote === undefined) continue;
        const salt = randomVoteSalt();
        await v.chain.tx(v.chain.challenges, "commitVote", id, v.chain.voteCommitment(id, vote, salt));
        v.votes.set(key, { vote, salt, revealed: false });
        v.committeeStats.votes++;
        if (vote === Vote.Match) v.committeeStats.match++;
        else v.committeeStats.mismatch++;
        v.log.info("committee vote committed", { id, vote: vote === Vote.Match ? "Match" : "Mismatch" });
      } else if (!mine.revealed) {
        await v.chain.challenges.revealVote.staticCall(id, mine.vote, mine.salt);
        await v.chain.tx(v.chain.challenges, "revealVote", id, mine.vote, mine.salt);
        mine.revealed = true;
        v.log.info("committee vote revealed", { id });
      }
    } catch (e) {
      v.log.debug("committee step not possible yet", { id, error: shortError(e) });
    }
  }
}

/** Fetches the disputed request's data (challenger's evidence or the node), checks it against the receipt, re-runs, compares. */
async function decideVote(v: Validator, id: bigint): Promise<Vote | undefined> {
  const c = await v.chain.challenges.getChallenge(id);
  const r = c.receipt;
  const receipt = { requestId: r.requestId, modelHash: r.modelHash, inputDigest: r.inputDigest, outputDigest: r.outputDigest, node: r.node, seq: BigInt(r.seq), timestamp: BigInt(r.timestamp), signature: "0x" } as SignedReceipt;
  const sources: (() => Promise<{ inputs: Tensor[]; outputs: Tensor[] } | undefined>)[] = [];
  const uri = await v.chain.evidenceUri(id);
  if (uri) sources.push(() => fetchEvidence(uri, v.config.requestTimeoutMs ?? 15_000));
  const t = v.nodes.get(String(r.node).toLowerCase());
  if (t) sources.push(() => t.client.receiptData(receipt.requestId));
  for (const source of sources) {
    const data = await source().catch(() => undefined);
    if (!data || ioDigest(data.inputs) !== receipt.inputDigest || ioDigest(data.outputs) !== receipt.outputDigest) continue;
    if (!v.runner.model(receipt.modelHash)) break;
    const rerun = await v.runner.run(receipt.modelHash, data.inputs);
    const verdict = compareOutputs(rerun, data.outputs, await v.policyOf(receipt.modelHash));
    v.log.info("committee re-run", { id, match: verdict.match, summary: verdict.summary });
    return verdict.match ? Vote.Match : Vote.Mismatch;
  }
  if (!v.abstained.has(id.toString())) {
    v.abstained.add(id.toString());
    v.committeeStats.abstained++;
  }
  v.log.warn("committee: no data matching the receipt, or model not loaded; abstaining", { id });
  return undefined;
}

async function fetchEvidence(uri: string, timeoutMs: number): Promise<{ inputs: Tensor[]; outputs: Tensor[] } | undefined> {
  const res = await fetch(uri, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) return undefined;
  const body = (await res.json()) as { inputs: unknown[]; outputs: unknown[] };
  return { inputs: body.inputs.map((t) => decodeJsonTensor(t as never)), outputs: body.outputs.map((t) => decodeJsonTensor(t as never)) };
}
