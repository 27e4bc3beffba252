// Duty (keeper): answer inclusion challenges that the node can prove, so honest nodes are never slashed by mistake.
import { hashReceipt } from "../../../client/index.js";
import type { Validator } from "../Validator.js";
import { CHALLENGE_STATUS } from "./challengeEnums.js";
import { shortError } from "./shortError.js";

/**
 * Keeper duty: answers any inclusion challenge whose receipt the node can prove included (anyone may answer),
 * so an honest node without its own responder is never slashed by a mistaken or malicious challenge.
 */
export async function answerInclusionChallenges(v: Validator): Promise<void> {
  if (!(v.config.answerInclusion ?? true)) return;
  const head = await v.chain.provider.getBlockNumber();
  v.inclusionScanFrom ??= Math.max(0, head - 10_000);
  if (head >= v.inclusionScanFrom) {
    const logs = await v.chain.challenges.queryFilter(v.chain.challenges.filters.InclusionResponseRequested(), v.inclusionScanFrom, head);
    v.inclusionScanFrom = head + 1;
    for (const log of logs as unknown as { args: { id: bigint; responseDeadline: bigint } }[]) v.toAnswer.set(log.args.id.toString(), log.args.responseDeadline);
  }
  if (v.toAnswer.size === 0) return;
  const now = await v.chain.now();
  for (const [key, deadline] of [...v.toAnswer]) {
    const id = BigInt(key);
    const c = await v.chain.challenges.getChallenge(id);
    if (now > deadline || CHALLENGE_STATUS[Number(c.status)] !== "AwaitingResponse") {
      v.toAnswer.delete(key);
      continue;
    }
    const t = v.nodes.get(String(c.receipt.node).toLowerCase());
    if (!t) continue;
    const st = await t.client.receipt(c.receipt.requestId).catch(() => undefined);
    if (!st || hashReceipt(st.receipt) !== String(c.receiptHash).toLowerCase()) continue;
    if (!(await v.chain.verifyInclusion(st.receipt, st.proof))) continue;
    try {
      await v.chain.tx(v.chain.challenges, "answerInclusionChallenge", id, st.proof);
      v.log.info("answered an inclusion challenge for the node", { id, node: t.node.signer, seq: st.receipt.seq });
    } catch (e) {
      v.log.debug("inclusion answer not accepted", { id, error: shortError(e) });
    }
    v.toAnswer.delete(key);
  }
}
