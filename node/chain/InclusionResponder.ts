// Answers inclusion challenges against the node's own signing key with Merkle proofs from its store.
import { Contract, type Signer } from "ethers";
import { hashReceipt, type Hex } from "../../client/index.js";
import type { ReceiptStore } from "../store/ReceiptStore.js";
import type { Logger } from "../log/Logger.js";
import type { BatchProofs } from "./BatchProofs.js";
import type { TxLock } from "./TxLock.js";
import { challengesAbi } from "./challengesAbi.js";
import type { InclusionResponderOptions } from "./InclusionResponderOptions.js";
import type { InclusionResult } from "./InclusionResult.js";
import { PollLoop } from "./PollLoop.js";
import { sendAtPendingNonce } from "./sendAtPendingNonce.js";

/** `IChallenges.ChallengeStatus.AwaitingResponse`. */
const AWAITING_RESPONSE = 1;

/** Where one challenge stands in the responder. */
interface Tracked {
  /** Settled for us: answered, answered by someone else, unanswerable, or missed. */
  done: boolean;
  /** Earliest time (ms) of the next try after a failure. */
  retryAt: number;
  backoff: number;
  /** The last thing logged as waiting, to log each state once. */
  waiting?: string;
}

/**
 * Watches the Challenges contract for inclusion challenges against this node's signing key
 * (`pendingInclusionChallenges(node)`, polled, so restarts and missed events do not matter) and answers
 * each one with `answerInclusionChallenge(id, proof)`: the Merkle proof of the challenged receipt in the
 * committed batch covering its seq, rebuilt from the receipt store. Checks the answer with a static
 * call first, sends it under the shared nonce lock, retries with backoff until the response deadline.
 * A receipt the store does not hold (a forgery, or one a test hook dropped) cannot be answered: that is
 * logged as an error once. A receipt whose batch is not committed yet waits for the committer. `stop()`
 * returns after the current look (an answer in flight finishes first).
 *
 * @example
 * const responder = new InclusionResponder({ store, proofs, signer: wallet, challenges, logger, options, txLock });
 * responder.start(); ... await responder.stop();
 */
export class InclusionResponder extends PollLoop {
  private readonly contract: Contract;
  private readonly tracked = new Map<string, Tracked>();
  /** The last error of a look at the chain, cleared by the next success. */
  lastError?: string;

  constructor(
    private readonly args: {
      store: ReceiptStore;
      proofs: BatchProofs;
      signer: Signer;
      /** The Challenges contract address. */
      challenges: string;
      logger: Logger;
      options: InclusionResponderOptions;
      txLock?: TxLock;
      /** Called once per challenge outcome (metrics). */
      onResult?: (result: InclusionResult) => void;
    },
  ) {
    super();
    this.contract = new Contract(args.challenges, challengesAbi, args.signer);
  }

  protected async run(): Promise<void> {
    const { logger, options } = this.args;
    let backoff = options.backoffMs;
    while (this.running) {
      try {
        await this.check();
        this.lastError = undefined;
        backoff = options.backoffMs;
        await this.idle(options.pollMs);
      } catch (err) {
        const e = err as Error & { shortMessage?: string };
        this.lastError = e.shortMessage ?? e.message;
        logger.warn("inclusion challenge check failed; retrying", { error: this.lastError, retryInMs: backoff });
        await this.idle(backoff);
        backoff = Math.min(options.maxBackoffMs, backoff * 2);
      }
    }
  }

  /** One look: every pending challenge against this node gets an answer attempt (when due). */
  async check(): Promise<void> {
    const ids = (await this.contract.pendingInclusionChallenges(this.args.store.node)) as bigint[];
    const pending = new Set(ids.map(String));
    for (const key of this.tracked.keys()) if (!pending.has(key)) this.tracked.delete(key);
    for (const id of ids) {
      if (!this.running && this.loop) return;
      let t = this.tracked.get(String(id));
      if (!t) {
        t = { done: false, retryAt: 0, backoff: this.args.options.backoffMs };
        this.tracked.set(String(id), t);
      }
      if (t.done || Date.now() < t.retryAt) continue;
      await this.handle(id, t);
    }
  }

  private finish(t: Tracked, result: InclusionResult): void {
    t.done = true;
    this.args.onResult?.(result);
  }

  private async handle(id: bigint, t: Tracked): Promise<void> {
    const { store, proofs, logger, options } = this.args;
    const c = await this.contract.getChallenge(id);
    const seq = BigInt(c.receipt.seq);
    const fields = { challengeId: id, seq, receiptHash: c.receiptHash as string, responseDeadline: BigInt(c.responseDeadline) };
    if (Number(c.status) !== AWAITING_RESPONSE) return this.finish(t, "answered_by_other");
    const head = await this.args.signer.provider!.getBlock("latest");
    if (head && BigInt(head.timestamp) > BigInt(c.responseDeadline)) {
      logger.error("inclusion challenge response deadline passed before it could be answered", fields);
      return this.finish(t, "missed");
    }
    const stored = store.bySeq(seq);
    if (!stored || hashReceipt(stored) !== String(c.receiptHash).toLowerCase()) {
      logger.error("cannot answer inclusion challenge: the challenged receipt is not in this node's store (forged, or never stored)", {
        ...fields,
        stored: stored ? hashReceipt(stored) : null,
      });
      return this.finish(t, "unanswerable");
    }
    const batch = store.batchCovering(seq);
    if (!batch || batch.status !== "committed") {
      const state = batch ? `batch ${batch.firstSeq}..${batch.lastSeq} ${batch.status}` : "no batch yet";
      if (t.waiting !== state) logger.info("inclusion challenge waits for the batch covering its receipt to be committed", { ...fields, batch: state });
      t.waiting = state;
      return;
    }
    const { proof } = proofs.proofFor(batch, seq);
    logger.info("answering inclusion challenge", { ...fields, batchIndex: batch.batchIndex, firstSeq: batch.firstSeq, lastSeq: batch.lastSeq });
    try {
      await this.contract.answerInclusionChallenge.staticCall(id, proof);
      const { tx } = await sendAtPendingNonce(this.args.signer, this.args.txLock, (nonce) => this.contract.answerInclusionChallenge(id, proof, { nonce }));
      const mined = await tx.wait(1, options.txTimeoutMs);
      if (!mined || mined.status !== 1) throw new Error(`answer transaction ${tx.hash} failed`);
      logger.info("inclusion challenge answered", { ...fields, tx: tx.hash as Hex });
      this.finish(t, "answered");
    } catch (err) {
      const e = err as Error & { shortMessage?: string; revert?: { name?: string } };
      const reason = e.revert?.name;
      if (reason === "ChallengesWrongStatus") {
        logger.info("inclusion challenge already settled (answered by someone else)", fields);
        return this.finish(t, "answered_by_other");
      }
      if (reason === "ChallengesInvalidProof") {
        logger.error("cannot answer inclusion challenge: the chain rejects the proof from this node's store (the committed root differs)", { ...fields, root: batch.root });
        return this.finish(t, "unanswerable");
      }
      if (reason === "ChallengesDeadlinePassed") {
        logger.error("inclusion challenge response deadline passed", fields);
        return this.finish(t, "missed");
      }
      this.args.onResult?.("failed");
      t.retryAt = Date.now() + t.backoff;
      logger.warn("inclusion challenge answer failed; retrying", { ...fields, error: reason ?? e.shortMessage ?? e.message, retryInMs: t.backoff });
      t.backoff = Math.min(options.maxBackoffMs, t.backoff * 2);
    }
  }
}
