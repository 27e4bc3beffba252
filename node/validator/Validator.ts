// The validator daemon's state machine: probes, audits, inclusion checks, challenges, committee votes, weights.
import { randomBytes } from "node:crypto";
import type { Address, Hex, SignedReceipt, Tensor } from "../../client/index.js";
import { hashReceipt, verifyReceiptSignature } from "../../client/index.js";
import { DEFAULT_TOLERANCE_POLICY, type VerificationPolicy } from "../../client/policy/index.js";
import type { Logger } from "../log/Logger.js";
import type { ValidatorConfig } from "./ValidatorConfig.js";
import type { ValidatorStats, ChallengeRecord } from "./ValidatorStats.js";
import type { ValidatorChain, ChainNode } from "./ValidatorChain.js";
import type { ReferenceRunner } from "./ReferenceRunner.js";
import type { Vote } from "../../client/disputes/Vote.js";
import { NodeClient } from "./NodeClient.js";
import { NodeRecord, type NodeFault } from "./NodeRecord.js";
import { ReceiptLedger } from "./ReceiptLedger.js";
import { auditAnswer } from "./auditAnswer.js";
import { synthesizeInputs } from "./synthesizeInputs.js";
import { jitterInputs } from "./jitterInputs.js";
import type { NodeRequestError } from "./NodeRequestError.js";
import { sampleBatches } from "./duties/sampleBatches.js";
import { checkInclusion } from "./duties/checkInclusion.js";
import { followChallenges } from "./duties/followChallenges.js";
import { answerInclusionChallenges } from "./duties/answerInclusionChallenges.js";
import { serveCommittees } from "./duties/serveCommittees.js";
import { setEpochWeights } from "./duties/setEpochWeights.js";
import { shortError } from "./duties/shortError.js";

/** Evidence this validator serves for a challenge it opened (GET /evidence/{leaf}). */
export interface Evidence {
  receipt: SignedReceipt;
  inputs: Tensor[];
  outputs: Tensor[];
}

/** A node the validator follows, with its client and measurements. */
export interface Tracked {
  node: ChainNode;
  client: NodeClient;
  record: NodeRecord;
  nextProbeAt: number;
  models: Map<string, { modelHash: Hex; inputs: { name: string; datatype: string; shape: number[] }[] }>;
  modelsCheckedAt: number;
  /** Next AuditLog batch index to look at for sampling. */
  nextBatch: bigint;
  openChallenges: number;
}

/** A held receipt whose inclusion has not been shown yet. */
export interface PendingInclusion {
  receipt: SignedReceipt;
  signer: Address;
  /** When the validator first saw a committed batch cover the seq without a valid proof (ms). */
  unprovenSince?: number;
}

/**
 * One validator. `tick()` does one round of every duty; `startValidator` calls it on a timer. Faults it can
 * prove on its own (double-sign, missing inclusion) and policy mismatches found by re-execution are
 * challenged on-chain; the outcome of its own challenges is driven to the end (draw, finalize).
 *
 * @example
 * const v = new Validator(config, chain, runner, logger);
 * await v.tick();
 */
export class Validator {
  // State below is shared with the duty functions in ./duties (one file per duty).
  readonly ledger = new ReceiptLedger();
  readonly evidence = new Map<string, Evidence>();
  readonly nodes = new Map<string, Tracked>();
  readonly pendingInclusion: PendingInclusion[] = [];
  readonly challenges = new Map<string, ChallengeRecord>();
  readonly votes = new Map<string, { vote: Vote; salt: Hex; revealed: boolean }>();
  readonly faultKeys = new Set<string>();
  /** Committee duties this validator could not vote on yet (no data matching the receipt, or model not loaded). */
  readonly abstained = new Set<string>();
  /** Per model hash, a reservoir of input sets seen in audited user requests (probes replay them, jittered). */
  readonly userInputs = new Map<Hex, Tensor[][]>();
  readonly secret = randomBytes(32);
  readonly weightsState = new Map<string, { uids: number[]; weights: number[]; salt: Hex; revealed: boolean }>();
  nodesReadAt = 0;
  slashScanFrom?: number;
  inclusionScanFrom?: number;
  readonly toAnswer = new Map<string, bigint>();
  readonly startedAt = Date.now();
  readonly totals = { probes: 0, probeChecks: 0, audits: 0, rejected: 0, rerunMs: 0, inferMs: 0, inclusionProofs: 0 };
  readonly committeeStats = { votes: 0, match: 0, mismatch: 0, abstained: 0 };
  readonly rnd = Math.random;
  /** Public base URL of the evidence server (set by startValidator once listening). */
  evidenceBaseUrl = "";

  constructor(
    readonly config: ValidatorConfig,
    readonly chain: ValidatorChain,
    readonly runner: ReferenceRunner,
    readonly log: Logger,
  ) {}

  /** One round: refresh nodes, probe, sample, check inclusion, follow challenges, vote, set weights. */
  async tick(): Promise<void> {
    const steps: [string, () => Promise<void>][] = [
      ["nodes", () => this.refreshNodes()],
      ["probes", () => this.probeDue()],
      ["sampling", () => sampleBatches(this)],
      ["inclusion", () => checkInclusion(this)],
      ["challenges", () => followChallenges(this)],
      ["keeper", () => answerInclusionChallenges(this)],
      ["committee", () => serveCommittees(this)],
      ["weights", () => setEpochWeights(this)],
    ];
    for (const [name, step] of steps) {
      try {
        await step();
      } catch (e) {
        this.log.warn("validator step failed", { step: name, error: (e as Error).message });
      }
    }
  }

  stats(): ValidatorStats {
    const committed = [...this.weightsState.keys()];
    return {
      validator: this.chain.address,
      chainId: this.chain.chainId.toString(),
      startedAt: this.startedAt,
      nodes: [...this.nodes.values()].map((t) => t.record.summary()),
      totals: { ...this.totals },
      challenges: [...this.challenges.values()].map((c) => ({ ...c })),
      committee: { ...this.committeeStats },
      weights: { committedEpochs: committed, revealedEpochs: committed.filter((e) => this.weightsState.get(e)!.revealed) },
    };
  }

  // ------------------------------------------------------------------ nodes

  async refreshNodes(): Promise<void> {
    const every = this.config.nodeRefreshMs ?? 10_000;
    if (Date.now() - this.nodesReadAt < every && this.nodes.size > 0) return;
    await this.learnSlashes();
    this.nodesReadAt = Date.now();
    const listed = await this.chain.listNodes();
    const current = new Set(listed.map((n) => n.signer.toLowerCase()));
    // a node no longer listed (deregistered or replaced; its slot may now hold another node) is left alone
    for (const [key, t] of this.nodes) if (!current.has(key)) t.node.eligible = false;
    for (const n of listed) {
      const key = n.signer.toLowerCase();
      const known = this.nodes.get(key);
      if (known) {
        known.node = n;
        known.record.info = { uid: String(n.uid), signer: n.signer, operator: n.operator, endpoint: n.endpoint };
        if (known.client.baseUrl !== n.endpoint) known.client = new NodeClient(n.endpoint, this.config.requestTimeoutMs);
        continue;
      }
      this.nodes.set(key, {
        node: n,
        client: new NodeClient(n.endpoint, this.config.requestTimeoutMs),
        record: new NodeRecord({ uid: String(n.uid), signer: n.signer, operator: n.operator, endpoint: n.endpoint }),
        nextProbeAt: Date.now() + this.rnd() * (this.config.probeIntervalMs ?? 2000),
        models: new Map(),
        modelsCheckedAt: 0,
        nextBatch: BigInt(await this.chain.auditLog.batchCount(n.signer)),
        openChallenges: 0,
      });
      this.log.info("node discovered", { uid: n.uid, signer: n.signer, endpoint: n.endpoint });
    }
  }

  /** Records, as faults, the slashes of nodes proved by anyone (Challenges.NodeSlashed since the last look). */
  async learnSlashes(): Promise<void> {
    const head = await this.chain.provider.getBlockNumber();
    if (this.slashScanFrom === undefined) this.slashScanFrom = Math.max(0, head - 10_000);
    if (head < this.slashScanFrom) return;
    const logs = await this.chain.challenges.queryFilter(this.chain.challenges.filters.NodeSlashed(), this.slashScanFrom, head);
    this.slashScanFrom = head + 1;
    for (const log of logs as unknown as { args: { id: bigint; node: string } }[]) {
      const t = this.nodes.get(String(log.args.node).toLowerCase());
      if (t) this.recordFault(t, "slashed", `slashed through challenge ${log.args.id}`, `slash:${log.args.id}`);
    }
  }

  /** Which of our models the node serves, with their metadata (re-read every minute). */
  async servedModels(t: Tracked): Promise<void> {
    if (Date.now() - t.modelsCheckedAt < 60_000 && t.models.size > 0) return;
    t.modelsCheckedAt = Date.now();
    for (const m of this.config.models) {
      const ours = this.runner.models.find((r) => r.name === m.name);
      if (!ours) continue;
      try {
        const meta = await t.client.metadata(m.name);
        if (meta.modelHash && meta.modelHash.toLowerCase() !== ours.modelHash) {
          this.log.warn("node serves other weights under this name", { node: t.node.signer, model: m.name, theirs: meta.modelHash });
        }
        t.models.set(m.name, { modelHash: ours.modelHash, inputs: meta.inputs });
      } catch {
        t.models.delete(m.name);
      }
    }
  }

  // ------------------------------------------------------------------ probes

  async probeDue(): Promise<void> {
    const interval = this.config.probeIntervalMs ?? 2000;
    if (interval <= 0) return;
    const now = Date.now();
    const due = [...this.nodes.values()].filter((t) => t.node.eligible && t.nextProbeAt <= now);
    await Promise.all(
      due.map(async (t) => {
        t.nextProbeAt = now + interval * (0.5 + this.rnd());
        await this.probe(t);
      }),
    );
  }

  /** Sends one request that looks like a user's, then audits the answer and queues its inclusion check. */
  async probe(t: Tracked): Promise<void> {
    await this.servedModels(t);
    const names = [...t.models.keys()];
    if (names.length === 0) return;
    const name = names[Math.floor(this.rnd() * names.length)];
    const model = t.models.get(name)!;
    const spec = this.config.models.find((m) => m.name === name)?.probe ?? {};
    // Most probes replay (jittered) inputs seen in audited user requests, so they look like user traffic.
    const seen = this.userInputs.get(model.modelHash);
    const inputs = seen?.length && this.rnd() < 0.7 ? jitterInputs(seen[Math.floor(this.rnd() * seen.length)], this.rnd) : synthesizeInputs(model.inputs, spec, this.rnd);
    this.totals.probes++;
    let answer;
    try {
      answer = await t.client.infer(name, inputs, randomBytes(16).toString("hex"));
    } catch (e) {
      const status = (e as NodeRequestError).status;
      if (status >= 400 && status < 500 && status !== 429 && status !== 408) {
        // the node refused our input (e.g. a synthetic value the model does not accept): not the node's fault
        this.log.warn("probe input refused; set models[].probe for this model", { node: t.node.signer, model: name, error: (e as Error).message });
        return;
      }
      t.record.probe(undefined);
      this.log.debug("probe failed", { node: t.node.signer, model: name, error: (e as Error).message });
      return;
    }
    t.record.probe(answer.latencyMs);
    this.totals.inferMs += answer.latencyMs;
    const { receipt, outputs } = answer;
    if (!verifyReceiptSignature(receipt, this.chain.domain, t.node.signer)) {
      t.record.check(false);
      this.recordFault(t, "badReceipt", `probe receipt not signed by ${t.node.signer}`, `${receipt.requestId}`, receipt.seq);
      return;
    }
    await this.holdReceipt(t, receipt);
    this.pendingInclusion.push({ receipt, signer: t.node.signer });
    if (receipt.modelHash.toLowerCase() !== model.modelHash) {
      // asked for the registered weights, answered (and signed) for other ones: never re-runnable, never accepted
      t.record.check(false);
      this.totals.rejected++;
      this.recordFault(t, "badReceipt", `asked for ${name} (${model.modelHash}), receipt names model ${receipt.modelHash}`, receipt.requestId, receipt.seq);
      return;
    }
    await this.audit(t, receipt, inputs, outputs, false);
  }

  /** Re-runs and compares; on a policy mismatch opens a wrong-output challenge. */
  async audit(t: Tracked, receipt: SignedReceipt, inputs: Tensor[], outputs: Tensor[], sampled: boolean): Promise<void> {
    const policy = await this.policyOf(receipt.modelHash);
    const result = await auditAnswer({ runner: this.runner, policy, domain: this.chain.domain, expectedSigner: t.node.signer, receipt, inputs, outputs });
    if (result.failure === "unknownModel" || result.failure === "rerunFailed") {
      this.log.warn("cannot re-run", { node: t.node.signer, seq: receipt.seq, detail: result.detail });
      return;
    }
    if (sampled) this.totals.audits++;
    else this.totals.probeChecks++;
    this.totals.rerunMs += result.rerunMs ?? 0;
    t.record.check(result.ok, sampled);
    if (result.ok) return;
    this.totals.rejected++;
    this.log.warn("output rejected", { node: t.node.signer, seq: receipt.seq, failure: result.failure, detail: result.detail, sampled });
    if (result.failure !== "policy") {
      this.recordFault(t, "badReceipt", result.detail, receipt.requestId, receipt.seq);
      return;
    }
    const leaf = hashReceipt(receipt);
    this.evidence.set(leaf, { receipt, inputs, outputs });
    if (this.evidence.size > 1000) this.evidence.delete(this.evidence.keys().next().value!);
    this.recordFault(t, "wrongOutput", result.detail, leaf, receipt.seq);
    if (!this.mayChallenge(t)) return;
    const uri = this.evidenceBaseUrl ? `${this.evidenceBaseUrl}/evidence/${leaf}` : "";
    await this.open(t, "wrongOutput", receipt, result.detail, () => this.chain.openWrongOutputChallenge(receipt, uri));
  }

  async policyOf(modelHash: Hex): Promise<VerificationPolicy> {
    try {
      const p = await this.chain.policyOf(modelHash);
      if (p) return p;
    } catch (e) {
      this.log.warn("registry read failed", { modelHash, error: (e as Error).message });
    }
    return DEFAULT_TOLERANCE_POLICY;
  }

  /** Adds a verified receipt to the ledger; a conflict is a double-sign, proved on-chain at once. */
  async holdReceipt(t: Tracked, receipt: SignedReceipt): Promise<void> {
    const conflict = this.ledger.add(receipt);
    if (!conflict) return;
    const detail = `two receipts for seq ${receipt.seq}`;
    this.recordFault(t, "doubleSign", detail, `ds:${receipt.node.toLowerCase()}:${receipt.seq}`, receipt.seq);
    if (!(this.config.challenge ?? true)) return;
    await this.open(t, "doubleSign", receipt, detail, () => this.chain.proveDoubleSign(conflict, receipt), true);
  }

  // ------------------------------------------------------------------ sampling of committed user receipts



  // ------------------------------------------------------------------ inclusion



  // ------------------------------------------------------------------ challenges

  mayChallenge(t: Tracked): boolean {
    return (this.config.challenge ?? true) && t.openChallenges < (this.config.maxOpenChallengesPerNode ?? 1);
  }

  recordFault(t: Tracked, kind: NodeFault["kind"], detail: string, key: string, seq?: bigint): void {
    if (this.faultKeys.has(key)) return;
    this.faultKeys.add(key);
    t.record.fault({ kind, detail, at: Date.now(), ...(seq === undefined ? {} : { seq: seq.toString() }) });
  }

  /** Opens a challenge once per receipt and tracks it; a duplicate (another validator was first) is not an error. */
  async open(t: Tracked, kind: ChallengeRecord["kind"], receipt: SignedReceipt, reason: string, send: () => Promise<bigint>, settlesAtOnce = false): Promise<void> {
    const key = `${kind}:${hashReceipt(receipt)}`;
    if (this.faultKeys.has(`opened:${key}`)) return;
    this.faultKeys.add(`opened:${key}`);
    try {
      if (!settlesAtOnce) t.openChallenges++;
      const id = await send();
      this.challenges.set(id.toString(), { id: id.toString(), kind, node: t.node.signer, seq: receipt.seq.toString(), reason, status: settlesAtOnce ? "Settled" : "Open", outcome: settlesAtOnce ? "DoubleSigned" : "None", openedAt: Date.now() });
      const fault = t.record.faults.at(-1);
      if (fault) fault.challengeId = id.toString();
      this.log.info("challenge opened", { id, kind, node: t.node.signer, seq: receipt.seq, reason });
    } catch (e) {
      if (!settlesAtOnce) t.openChallenges--;
      this.log.warn("challenge not opened", { kind, node: t.node.signer, seq: receipt.seq, error: shortError(e) });
    }
  }



  // ------------------------------------------------------------------ committee



  // ------------------------------------------------------------------ weights

}
