// Duty: turn the measured scores into weights and commit, then reveal them, every Subnet epoch.
import { randomBytes } from "node:crypto";
import type { Hex } from "../../../client/index.js";
import type { Validator } from "../Validator.js";
import { scoresToWeights } from "../scoresToWeights.js";
import { shortError } from "./shortError.js";

/** Commits this epoch's weights in its commit window and reveals them in its reveal window (finalising epochs first when asked). */
export async function setEpochWeights(v: Validator): Promise<void> {
  if (!(v.config.setWeights ?? true)) return;
  if (v.config.finalizeEpochs) {
    try {
      await v.chain.subnet.finalizeEpoch.staticCall(64);
      await v.chain.tx(v.chain.subnet, "finalizeEpoch", 64);
    } catch {
      // nothing to finalise yet
    }
  }
  const epoch = (await v.chain.subnet.currentEpoch()) as bigint;
  const key = epoch.toString();
  const state = v.weightsState.get(key);
  if (!state) {
    // a node jailed by the Subnet (slashed for a fault someone proved) gets nothing, whoever proved it
    // eligible nodes first: a slot reused by a new node must not inherit the score of the node that left it
    const ordered = [...v.nodes.values()].sort((a, b) => Number(b.node.eligible) - Number(a.node.eligible));
    const seenUids = new Set<number>();
    const scored = ordered
      .filter((t) => !seenUids.has(t.node.uid) && seenUids.add(t.node.uid))
      .map((t) => ({ uid: t.node.uid, score: t.node.eligible ? t.record.score() : 0 }));
    const { uids, weights } = scoresToWeights(scored);
    if (uids.length === 0) return;
    const salt = `0x${randomBytes(32).toString("hex")}` as Hex;
    const hash = v.chain.weightsCommitment(epoch, uids, weights, salt);
    try {
      await v.chain.subnet.commitWeights.staticCall(hash);
    } catch (e) {
      v.log.debug("weights not committable now", { epoch, error: shortError(e) });
      return;
    }
    await v.chain.tx(v.chain.subnet, "commitWeights", hash);
    v.weightsState.set(key, { uids, weights, salt, revealed: false });
    v.log.info("weights committed", { epoch, uids, weights });
  } else if (!state.revealed) {
    try {
      await v.chain.subnet.revealWeights.staticCall(state.uids, state.weights, state.salt);
    } catch (e) {
      v.log.debug("weights not revealable now", { epoch, error: shortError(e) });
      return;
    }
    await v.chain.tx(v.chain.subnet, "revealWeights", state.uids, state.weights, state.salt);
    state.revealed = true;
    v.log.info("weights revealed", { epoch });
  }
}
