// Cuts stored receipts into contiguous batches and commits their Merkle roots to AuditLog, crash-safely.
import { Contract, type Signer, type TransactionResponse } from "ethers";
import { buildBatchTree, type Hex } from "../../client/index.js";
import type { ReceiptStore } from "../store/ReceiptStore.js";
import type { Logger } from "../log/Logger.js";
import { auditLogAbi } from "./auditLogAbi.js";
import type { CommitterOptions } from "./CommitterOptions.js";
import { BatchProofs } from "./BatchProofs.js";
import type { TxLock } from "./TxLock.js";
import { rootCommitment } from "./rootCommitment.js";
import { PollLoop } from "./PollLoop.js";
import { sendAtPendingNonce } from "./sendAtPendingNonce.js";
import type { NodeHooks } from "../hooks/NodeHooks.js";

/** Counters the committer reports to (metrics). */
export interface CommitterEvents {
  onCommitFailure?: (err: Error) => void;
  onBatchCommitted?: (first: bigint, last: bigint) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The batch committer. Invariants: batches are contiguous seq ranges starting at the chain's
 * `nextSeq(node)`; a batch row is written (status `sending`) before its transaction is sent, so after a
 * crash `reconcile` can tell from the chain whether it landed; nothing is ever re-cut over a range the
 * chain has. While the RPC is down it backs off and retries; serving goes on meanwhile. `stop()` returns after
 * the current step: a transaction in flight is left to the next start's reconcile.
 *
 * @example
 * const committer = new Committer({ store, signer: wallet, auditLog, logger, options });
 * committer.start(); ... await committer.stop();
 */
export class Committer extends PollLoop {
  private readonly audit: Contract;
  private reconciled = false;
  private backoff: number;
  /** The last error, cleared by the next success. */
  lastError?: string;

  constructor(
    private readonly args: {
      store: ReceiptStore;
      signer: Signer;
      auditLog: string;
      logger: Logger;
      options: CommitterOptions;
      proofs?: BatchProofs;
      events?: CommitterEvents;
      /** Test-only: may replace leaves before the root is built (see NodeHooks.batchLeaves). */
      hooks?: Pick<NodeHooks, "batchLeaves">;
      /** Shared with other senders of the same key (the inclusion responder) so nonces never collide. */
      txLock?: TxLock;
    },
  ) {
    super();
    this.audit = new Contract(args.auditLog, auditLogAbi, args.signer);
    this.backoff = args.options.backoffMs;
  }

  /** Reads the chain's view of this node and settles every `sending` batch; returns the chain's next seq. */
  async reconcile(): Promise<bigint> {
    const { store, logger } = this.args;
    const node = store.node;
    const chainNext = BigInt(await this.audit.nextSeq(node));
    const chainThrough = chainNext === 0n ? 0n : chainNext - 1n; // highest seq the chain holds
    const durable = store.durableLastSeq();
    if (chainThrough > durable) {
      throw new Error(
        `AuditLog holds seqs up to ${chainThrough} for ${node} but the receipt store only ${durable}: ` +
          `this store is not this node's (or was lost); refusing to reuse seqs`,
      );
    }
    for (const b of store.batches("sending")) {
      if (b.lastSeq <= chainThrough) {
        const found = await this.audit.findBatch(node, b.firstSeq);
        const onChain = found.batch;
        if (BigInt(onChain.firstSeq) !== b.firstSeq || BigInt(onChain.lastSeq) !== b.lastSeq || rootCommitment(b.root) !== String(onChain.root).toLowerCase()) {
          logger.error("on-chain batch differs from the stored one", { firstSeq: b.firstSeq, lastSeq: b.lastSeq, root: b.root, chainRoot: onChain.root });
        }
        store.markCommitted(b.firstSeq, BigInt(found.batchIndex), b.txHash);
        logger.info("batch found on-chain after restart", { firstSeq: b.firstSeq, lastSeq: b.lastSeq });
        continue;
      }
      if (b.txHash) {
        const tx = await this.args.signer.provider!.getTransaction(b.txHash);
        if (tx && tx.blockNumber == null) {
          await this.settle(tx, b.firstSeq, b.lastSeq);
          continue;
        }
      }
      store.deleteBatch(b.firstSeq); // never landed: cut again from the chain's next seq
    }
    // Batches the chain has but the store does not know (a transaction whose hash was never recorded).
    while (store.batchedThrough() < chainThrough) {
      const seq = store.batchedThrough() + 1n;
      const found = await this.audit.findBatch(node, seq);
      if (!found.found) throw new Error(`AuditLog has no batch covering seq ${seq} of ${node} although nextSeq is ${chainNext}`);
      const first = BigInt(found.batch.firstSeq);
      const last = BigInt(found.batch.lastSeq);
      const root = buildBatchTree((this.args.proofs ?? new BatchProofs(store)).leaves(first, last)).root;
      if (rootCommitment(root) !== String(found.batch.root).toLowerCase()) {
        logger.error("on-chain batch root differs from the stored receipts' root", { firstSeq: first, lastSeq: last, root, chainRoot: found.batch.root });
      }
      store.insertBatch({ firstSeq: first, lastSeq: last, root });
      store.markCommitted(first, BigInt(found.batchIndex), undefined);
      logger.info("adopted on-chain batch missing from the store", { firstSeq: first, lastSeq: last });
    }
    this.reconciled = true;
    return chainNext;
  }

  protected async run(): Promise<void> {
    const { logger, options } = this.args;
    while (this.running) {
      let worked = false;
      try {
        if (!this.reconciled) await this.reconcile();
        worked = await this.step();
        this.backoff = options.backoffMs;
        this.lastError = undefined;
      } catch (err) {
        const e = err as Error & { shortMessage?: string };
        this.lastError = e.shortMessage ?? e.message;
        this.reconciled = false;
        this.args.events?.onCommitFailure?.(e);
        logger.warn("commit failed; retrying", { error: this.lastError, retryInMs: this.backoff });
        await this.idle(this.backoff);
        this.backoff = Math.min(options.maxBackoffMs, this.backoff * 2);
        continue;
      }
      if (!worked) await this.idle(options.pollMs);
    }
  }

  /** Cuts and commits one batch if one is due; returns whether it did. */
  private async step(): Promise<boolean> {
    const { store, options, logger } = this.args;
    const from = store.batchedThrough() + 1n;
    const durable = store.durableLastSeq();
    if (durable < from) return false;
    const count = durable - from + 1n;
    const oldest = store.createdMs(from);
    if (count < BigInt(options.maxBatchSize) && oldest !== undefined && Date.now() - oldest < options.maxBatchAgeMs) return false;
    const last = count > BigInt(options.maxBatchSize) ? from + BigInt(options.maxBatchSize) - 1n : durable;
    const proofs = this.args.proofs ?? new BatchProofs(store);
    const leaves = proofs.leaves(from, last);
    const root = buildBatchTree(this.args.hooks?.batchLeaves?.(leaves, from) ?? leaves).root;
    store.insertBatch({ firstSeq: from, lastSeq: last, root });
    const { nonce, tx } = await sendAtPendingNonce(this.args.signer, this.args.txLock, (nonce) => this.audit.commitBatch(root, from, last, { nonce }));
    store.setBatchTx(from, tx.hash as Hex);
    logger.debug("commit sent", { firstSeq: from, lastSeq: last, tx: tx.hash, nonce });
    await this.settle(tx, from, last);
    return true;
  }

  /** Waits for a commit transaction and records its batch index. */
  private async settle(tx: TransactionResponse, first: bigint, last: bigint): Promise<void> {
    const receipt = await tx.wait(1, this.args.options.txTimeoutMs);
    if (!receipt || receipt.status !== 1) throw new Error(`commit transaction ${tx.hash} for seq ${first}..${last} failed`);
    let index: bigint | undefined;
    for (const log of receipt.logs) {
      try {
        const parsed = this.audit.interface.parseLog(log);
        if (parsed?.name === "BatchCommitted") index = BigInt(parsed.args.batchIndex);
      } catch {
        /* not ours */
      }
    }
    if (index === undefined) index = BigInt(await this.audit.batchCount(this.args.store.node)) - 1n;
    this.args.store.markCommitted(first, index, tx.hash as Hex);
    this.args.events?.onBatchCommitted?.(first, last);
    this.args.logger.info("batch committed", { firstSeq: first, lastSeq: last, batchIndex: index, tx: tx.hash });
  }
}
