// The validator daemon's state machine: probes, audits, inclusion checks, challenges, committee votes, weights.
import { randomBytes } from "node:crypto";
import { keccak256, concat, toBeHex } from "ethers";
import type { Address, Hex, SignedReceipt, Tensor } from "../../client/index.js";
import { decodeJsonTensor, hashReceipt, ioDigest, verifyReceiptSignature } from "../../client/index.js";
import { DEFAULT_TOLERANCE_POLICY, compareOutputs, type VerificationPolicy } from "../../client/policy/index.js";
import type { Logger } from "../log/Logger.js";
import type { ValidatorConfig } from "./ValidatorConfig.js";
import type { ValidatorStats, ChallengeRecord } from "./ValidatorStats.js";
import type { ValidatorChain, ChainNode } from "./ValidatorChain.js";
import type { ReferenceRunner } from "./ReferenceRunner.js";
import { NodeClient } from "./NodeClient.js";
import { NodeRecord, type NodeFault } from "./NodeRecord.js";
import { ReceiptLedger } from "./ReceiptLedger.js";
import { auditAnswer } from "./auditAnswer.js";
import { synthesizeInputs } from "./synthesizeInputs.js";
import { scoresToWeights } from "./scoresToWeights.js";

/** Evidence this validator serves for a challenge it opened (GET /evidence/{leaf}). */
export interface Evidence {
  receipt: SignedReceipt;
  inputs: Tensor[];
  outputs: Tensor[];
}

interface Tracked {
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

interface PendingInclusion {
  receipt: SignedReceipt;
  signer: Address;
  /** When the validator first saw a committed batch cover the seq without a valid proof (ms). */
  unprovenSince?: number;
}

const STATUS = ["None", "AwaitingResponse", "AwaitingCommittee", "Voting", "Settled"];
const OUTCOME = ["None", "DoubleSigned", "InclusionUnanswered", "InclusionProved", "Mismatch", "Match", "Tie", "NoQuorum", "NoCommittee"];
const VOTE_MATCH = 1;
const VOTE_MISMATCH = 2;

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
  readonly ledger = new ReceiptLedger();
  readonly evidence = new Map<string, Evidence>();
  private readonly nodes = new Map<string, Tracked>();
  private readonly pendingInclusion: PendingInclusion[] = [];
  private readonly challenges = new Map<string, ChallengeRecord>();
  private readonly votes = new Map<string, { vote: number; salt: Hex; revealed: boolean }>();
  private readonly faultKeys = new Set<string>();
  private readonly secret = randomBytes(32);
  private readonly weightsState = new Map<string, { uids: number[]; weights: number[]; salt: Hex; revealed: boolean }>();
  private nodesReadAt = 0;
  private slashScanFrom?: number;
  private inclusionScanFrom?: number;
  private readonly toAnswer = new Map<string, bigint>();
  private readonly startedAt = Date.now();
  private readonly totals = { probes: 0, probeChecks: 0, audits: 0, rejected: 0, rerunMs: 0, inferMs: 0, inclusionProofs: 0 };
  private readonly committeeStats = { votes: 0, match: 0, mismatch: 0, abstained: 0 };
  private readonly rnd = Math.random;
  /** Public base URL of the evidence server (set by startValidator once listening). */
  evidenceBaseUrl = "";

  constructor(
    private readonly config: ValidatorConfig,
    private readonly chain: ValidatorChain,
    private readonly runner: ReferenceRunner,
    private readonly log: Logger,
  ) {}

  /** One round: refresh nodes, probe, sample, check inclusion, follow challenges, vote, set weights. */
  async tick(): Promise<void> {
    const steps: [string, () => Promise<void>][] = [
      ["nodes", () => this.refreshNodes()],
      ["probes", () => this.probeDue()],
      ["sampling", () => this.sampleBatches()],
      ["inclusion", () => this.checkInclusion()],
      ["challenges", () => this.followChallenges()],
      ["keeper", () => this.answerInclusionChallenges()],
      ["committee", () => this.serveCommittees()],
      ["weights", () => this.setWeights()],
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

  private async refreshNodes(): Promise<void> {
    const every = this.config.nodeRefreshMs ?? 10_000;
    if (Date.now() - this.nodesReadAt < every && this.nodes.size > 0) return;
    await this.learnSlashes();
    this.nodesReadAt = Date.now();
    for (const n of await this.chain.listNodes()) {
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
  private async learnSlashes(): Promise<void> {
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
  private async servedModels(t: Tracked): Promise<void> {
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

  private async probeDue(): Promise<void> {
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
    const inputs = synthesizeInputs(model.inputs, spec, this.rnd);
    this.totals.probes++;
    let answer;
    try {
      answer = await t.client.infer(name, inputs, randomBytes(16).toString("hex"));
    } catch (e) {
      t.record.probe(undefined);
      this.log.debug("probe failed", { node: t.node.signer, model: name, error: (e as Error).message });
      return;
    }
    t.record.probe(answer.latencyMs);
    this.totals.inferMs += answer.latencyMs;
    const { receipt, outputs } = answer;
    if (!verifyReceiptSignature(receipt, this.chain.domain, t.node.signer)) {
      t.record.check(false);
      this.recordFault(t, "badReceipt", `probe receipt not signed by ${t.node.signer}`, `${receipt.requestId}`);
      return;
    }
    await this.holdReceipt(t, receipt);
    this.pendingInclusion.push({ receipt, signer: t.node.signer });
    await this.audit(t, receipt, inputs, outputs, false);
  }

  /** Re-runs and compares; on a policy mismatch opens a wrong-output challenge. */
  private async audit(t: Tracked, receipt: SignedReceipt, inputs: Tensor[], outputs: Tensor[], sampled: boolean): Promise<void> {
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
      this.recordFault(t, "badReceipt", result.detail, receipt.requestId);
      return;
    }
    const leaf = hashReceipt(receipt);
    this.evidence.set(leaf, { receipt, inputs, outputs });
    this.recordFault(t, "wrongOutput", result.detail, leaf);
    if (!this.mayChallenge(t)) return;
    const uri = this.evidenceBaseUrl ? `${this.evidenceBaseUrl}/evidence/${leaf}` : "";
    await this.open(t, "wrongOutput", receipt, result.detail, () => this.chain.openWrongOutputChallenge(receipt, uri));
  }

  private async policyOf(modelHash: Hex): Promise<VerificationPolicy> {
    try {
      const p = await this.chain.policyOf(modelHash);
      if (p) return p;
    } catch (e) {
      this.log.warn("registry read failed", { modelHash, error: (e as Error).message });
    }
    return DEFAULT_TOLERANCE_POLICY;
  }

  /** Adds a verified receipt to the ledger; a conflict is a double-sign, proved on-chain at once. */
  private async holdReceipt(t: Tracked, receipt: SignedReceipt): Promise<void> {
    const conflict = this.ledger.add(receipt);
    if (!conflict) return;
    const detail = `two receipts for seq ${receipt.seq}`;
    this.recordFault(t, "doubleSign", detail, `ds:${receipt.seq}`);
    if (!(this.config.challenge ?? true)) return;
    await this.open(t, "doubleSign", receipt, detail, () => this.chain.proveDoubleSign(conflict, receipt), true);
  }

  // ------------------------------------------------------------------ sampling of committed user receipts

  /** Walks new batches of every node and audits each receipt picked by the secret sampling hash. */
  private async sampleBatches(): Promise<void> {
    const rate = this.config.sampleRate ?? 0.05;
    if (rate <= 0) return;
    const threshold = BigInt(Math.floor(rate * 2 ** 52)) << 204n;
    for (const t of this.nodes.values()) {
      if (!t.node.eligible) continue;
      const count = BigInt(await this.chain.auditLog.batchCount(t.node.signer));
      for (; t.nextBatch < count; t.nextBatch++) {
        const batch = await this.chain.auditLog.batchAt(t.node.signer, t.nextBatch);
        for (let seq = batch.firstSeq as bigint; seq <= (batch.lastSeq as bigint); seq++) {
          const pick = BigInt(keccak256(concat([this.secret, t.node.signer, toBeHex(seq, 8)])));
          if (pick < threshold) await this.sampleOne(t, seq);
        }
      }
    }
  }

  private async sampleOne(t: Tracked, seq: bigint): Promise<void> {
    let st;
    try {
      st = await t.client.receiptBySeq(seq);
    } catch (e) {
      this.log.debug("sample fetch failed", { node: t.node.signer, seq, error: (e as Error).message });
    }
    if (!st) {
      t.record.check(false, true);
      this.log.warn("node cannot show a committed receipt", { node: t.node.signer, seq });
      return;
    }
    const receipt = st.receipt;
    if (receipt.seq !== seq || !verifyReceiptSignature(receipt, this.chain.domain, t.node.signer)) {
      t.record.check(false, true);
      return;
    }
    await this.holdReceipt(t, receipt);
    if (!(await this.chain.verifyInclusion(receipt, st.proof))) {
      // The node's own receipt for a committed seq is not in the committed batch: it must answer an inclusion challenge.
      this.pendingInclusion.push({ receipt, signer: t.node.signer });
    }
    const data = await t.client.receiptData(receipt.requestId).catch(() => undefined);
    if (!data) {
      t.record.check(false, true);
      return;
    }
    await this.audit(t, receipt, data.inputs, data.outputs, true);
  }

  // ------------------------------------------------------------------ inclusion

  /**
   * For every held receipt now due (a batch covers its seq, or its commit window passed), asks the node for its
   * proof. A different signed receipt for the same seq is a double-sign, proved at once; no valid proof for
   * `inclusionGraceMs` after the seq was covered (the node may still be recording its commit) opens an inclusion
   * challenge, which the contract settles alone.
   */
  private async checkInclusion(): Promise<void> {
    if (this.pendingInclusion.length === 0) return;
    const commitWindow = (await this.chain.challengeParams()).commitWindow;
    const grace = this.config.inclusionGraceMs ?? 10_000;
    const now = await this.chain.now();
    const nextSeqs = new Map<string, bigint>();
    const keep: PendingInclusion[] = [];
    for (const p of this.pendingInclusion.splice(0)) {
      const key = p.signer.toLowerCase();
      const t = this.nodes.get(key);
      if (!t || !t.node.eligible) continue;
      if (!nextSeqs.has(key)) nextSeqs.set(key, BigInt(await this.chain.auditLog.nextSeq(p.signer)));
      const covered = p.receipt.seq < nextSeqs.get(key)! ? await this.chain.batchCovering(p.signer, p.receipt.seq) : undefined;
      const overdue = now > p.receipt.timestamp + commitWindow;
      if (!covered && !overdue) {
        keep.push(p);
        continue;
      }
      const state = covered ? await this.inclusionState(t, p.receipt) : "unproven";
      if (state === "included") this.totals.inclusionProofs++;
      if (state === "included" || state === "conflict") continue;
      p.unprovenSince ??= Date.now();
      if (Date.now() - p.unprovenSince < grace) {
        keep.push(p);
        continue;
      }
      const detail = covered ? `receipt seq ${p.receipt.seq} is not in the committed batch` : `receipt seq ${p.receipt.seq} not committed in time`;
      this.recordFault(t, "inclusion", detail, `inc:${hashReceipt(p.receipt)}`);
      if (this.mayChallenge(t)) await this.open(t, "inclusion", p.receipt, detail, () => this.chain.openInclusionChallenge(p.receipt));
    }
    this.pendingInclusion.push(...keep);
  }

  /** Asks the node for the receipt's proof; a different receipt the node signed for the same seq is a double-sign. */
  private async inclusionState(t: Tracked, receipt: SignedReceipt): Promise<"included" | "conflict" | "unproven"> {
    const leaf = hashReceipt(receipt);
    const st = await t.client.receipt(receipt.requestId).catch(() => undefined);
    if (st && verifyReceiptSignature(st.receipt, this.chain.domain, t.node.signer)) {
      if (hashReceipt(st.receipt) === leaf) return (await this.chain.verifyInclusion(receipt, st.proof)) ? "included" : "unproven";
      await this.holdReceipt(t, st.receipt);
    }
    const bySeq = await t.client.receiptBySeq(receipt.seq).catch(() => undefined);
    if (bySeq && verifyReceiptSignature(bySeq.receipt, this.chain.domain, t.node.signer) && bySeq.receipt.seq === receipt.seq) {
      if (hashReceipt(bySeq.receipt) === leaf) return (await this.chain.verifyInclusion(receipt, bySeq.proof)) ? "included" : "unproven";
      await this.holdReceipt(t, bySeq.receipt);
      return "conflict";
    }
    return "unproven";
  }

  // ------------------------------------------------------------------ challenges

  private mayChallenge(t: Tracked): boolean {
    return (this.config.challenge ?? true) && t.openChallenges < (this.config.maxOpenChallengesPerNode ?? 1);
  }

  private recordFault(t: Tracked, kind: NodeFault["kind"], detail: string, key: string): void {
    if (this.faultKeys.has(key)) return;
    this.faultKeys.add(key);
    t.record.fault({ kind, detail, at: Date.now() });
  }

  /** Opens a challenge once per receipt and tracks it; a duplicate (another validator was first) is not an error. */
  private async open(t: Tracked, kind: ChallengeRecord["kind"], receipt: SignedReceipt, reason: string, send: () => Promise<bigint>, settlesAtOnce = false): Promise<void> {
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

  /** Drives this validator's open challenges to settlement (draw the committee, finalize when due). */
  private async followChallenges(): Promise<void> {
    const open = [...this.challenges.values()].filter((c) => c.status !== "Settled");
    if (open.length === 0) return;
    const now = await this.chain.now();
    const block = BigInt(await this.chain.provider.getBlockNumber());
    for (const rec of open) {
      const id = BigInt(rec.id);
      const c = await this.chain.challenges.getChallenge(id);
      const status = STATUS[Number(c.status)];
      try {
        if (status === "AwaitingResponse" && now > BigInt(c.responseDeadline)) await this.chain.tx(this.chain.challenges, "finalize", id);
        else if (status === "AwaitingCommittee" && block > BigInt(c.seedBlock)) await this.chain.tx(this.chain.challenges, "drawCommittee", id);
        else if (status === "Voting") {
          const members = ((await this.chain.challenges.committeeOf(id)) as string[]).length;
          const revealed = Number(c.matchVotes) + Number(c.mismatchVotes);
          if (now > BigInt(c.revealDeadline) || revealed >= members) await this.chain.tx(this.chain.challenges, "finalize", id);
        }
      } catch (e) {
        this.log.debug("challenge step not possible yet", { id, status, error: shortError(e) });
      }
      const after = await this.chain.challenges.getChallenge(id);
      rec.status = STATUS[Number(after.status)];
      rec.outcome = OUTCOME[Number(after.outcome)];
      if (rec.status === "Settled") {
        const t = this.nodes.get(rec.node.toLowerCase());
        if (t) t.openChallenges = Math.max(0, t.openChallenges - 1);
        this.log.info("challenge settled", { id, kind: rec.kind, node: rec.node, outcome: rec.outcome });
      }
    }
  }

  /**
   * Keeper duty: answers any inclusion challenge whose receipt the node can prove included (anyone may answer),
   * so an honest node without its own responder is never slashed by a mistaken or malicious challenge.
   */
  private async answerInclusionChallenges(): Promise<void> {
    if (!(this.config.answerInclusion ?? true)) return;
    const head = await this.chain.provider.getBlockNumber();
    this.inclusionScanFrom ??= Math.max(0, head - 10_000);
    if (head >= this.inclusionScanFrom) {
      const logs = await this.chain.challenges.queryFilter(this.chain.challenges.filters.InclusionResponseRequested(), this.inclusionScanFrom, head);
      this.inclusionScanFrom = head + 1;
      for (const log of logs as unknown as { args: { id: bigint; responseDeadline: bigint } }[]) this.toAnswer.set(log.args.id.toString(), log.args.responseDeadline);
    }
    if (this.toAnswer.size === 0) return;
    const now = await this.chain.now();
    for (const [key, deadline] of [...this.toAnswer]) {
      const id = BigInt(key);
      const c = await this.chain.challenges.getChallenge(id);
      if (now > deadline || STATUS[Number(c.status)] !== "AwaitingResponse") {
        this.toAnswer.delete(key);
        continue;
      }
      const t = this.nodes.get(String(c.receipt.node).toLowerCase());
      if (!t) continue;
      const st = await t.client.receipt(c.receipt.requestId).catch(() => undefined);
      if (!st || hashReceipt(st.receipt) !== String(c.receiptHash).toLowerCase()) continue;
      if (!(await this.chain.verifyInclusion(st.receipt, st.proof))) continue;
      try {
        await this.chain.tx(this.chain.challenges, "answerInclusionChallenge", id, st.proof);
        this.log.info("answered an inclusion challenge for the node", { id, node: t.node.signer, seq: st.receipt.seq });
      } catch (e) {
        this.log.debug("inclusion answer not accepted", { id, error: shortError(e) });
      }
      this.toAnswer.delete(key);
    }
  }

  // ------------------------------------------------------------------ committee

  /** Votes (commit, then reveal) in every dispute committee this validator sits on. */
  private async serveCommittees(): Promise<void> {
    if (!(this.config.committee ?? true)) return;
    const duties = (await this.chain.challenges.pendingCommitteeDuties(this.chain.address)) as bigint[];
    for (const id of duties) {
      const key = id.toString();
      try {
        const mine = this.votes.get(key);
        if (!mine) {
          const vote = await this.decideVote(id);
          if (vote === undefined) continue;
          const salt = `0x${randomBytes(32).toString("hex")}` as Hex;
          await this.chain.tx(this.chain.challenges, "commitVote", id, this.chain.voteCommitment(id, vote, salt));
          this.votes.set(key, { vote, salt, revealed: false });
          this.committeeStats.votes++;
          if (vote === VOTE_MATCH) this.committeeStats.match++;
          else this.committeeStats.mismatch++;
          this.log.info("committee vote committed", { id, vote: vote === VOTE_MATCH ? "Match" : "Mismatch" });
        } else if (!mine.revealed) {
          await this.chain.challenges.revealVote.staticCall(id, mine.vote, mine.salt);
          await this.chain.tx(this.chain.challenges, "revealVote", id, mine.vote, mine.salt);
          mine.revealed = true;
          this.log.info("committee vote revealed", { id });
        }
      } catch (e) {
        this.log.debug("committee step not possible yet", { id, error: shortError(e) });
      }
    }
  }

  /** Fetches the disputed request's data (challenger's evidence or the node), checks it against the receipt, re-runs, compares. */
  private async decideVote(id: bigint): Promise<number | undefined> {
    const c = await this.chain.challenges.getChallenge(id);
    const r = c.receipt;
    const receipt = { requestId: r.requestId, modelHash: r.modelHash, inputDigest: r.inputDigest, outputDigest: r.outputDigest, node: r.node, seq: BigInt(r.seq), timestamp: BigInt(r.timestamp), signature: "0x" } as SignedReceipt;
    const sources: (() => Promise<{ inputs: Tensor[]; outputs: Tensor[] } | undefined>)[] = [];
    const uri = await this.chain.evidenceUri(id);
    if (uri) sources.push(() => fetchEvidence(uri, this.config.requestTimeoutMs ?? 15_000));
    const t = this.nodes.get(String(r.node).toLowerCase());
    if (t) sources.push(() => t.client.receiptData(receipt.requestId));
    for (const source of sources) {
      const data = await source().catch(() => undefined);
      if (!data || ioDigest(data.inputs) !== receipt.inputDigest || ioDigest(data.outputs) !== receipt.outputDigest) continue;
      if (!this.runner.model(receipt.modelHash)) break;
      const rerun = await this.runner.run(receipt.modelHash, data.inputs);
      const verdict = compareOutputs(rerun, data.outputs, await this.policyOf(receipt.modelHash));
      this.log.info("committee re-run", { id, match: verdict.match, summary: verdict.summary });
      return verdict.match ? VOTE_MATCH : VOTE_MISMATCH;
    }
    this.committeeStats.abstained++;
    this.log.warn("committee: no data matching the receipt, or model not loaded; abstaining", { id });
    return undefined;
  }

  // ------------------------------------------------------------------ weights

  /** Commits this epoch's weights in its commit window and reveals them in its reveal window (finalising epochs first when asked). */
  private async setWeights(): Promise<void> {
    if (!(this.config.setWeights ?? true)) return;
    if (this.config.finalizeEpochs) {
      try {
        await this.chain.subnet.finalizeEpoch.staticCall(64);
        await this.chain.tx(this.chain.subnet, "finalizeEpoch", 64);
      } catch {
        // nothing to finalise yet
      }
    }
    const epoch = (await this.chain.subnet.currentEpoch()) as bigint;
    const key = epoch.toString();
    const state = this.weightsState.get(key);
    if (!state) {
      // a node jailed by the Subnet (slashed for a fault someone proved) gets nothing, whoever proved it
      const scored = [...this.nodes.values()].map((t) => ({ uid: t.node.uid, score: t.node.eligible ? t.record.score() : 0 }));
      const { uids, weights } = scoresToWeights(scored);
      if (uids.length === 0) return;
      const salt = `0x${randomBytes(32).toString("hex")}` as Hex;
      const hash = this.chain.weightsCommitment(epoch, uids, weights, salt);
      try {
        await this.chain.subnet.commitWeights.staticCall(hash);
      } catch (e) {
        this.log.debug("weights not committable now", { epoch, error: shortError(e) });
        return;
      }
      await this.chain.tx(this.chain.subnet, "commitWeights", hash);
      this.weightsState.set(key, { uids, weights, salt, revealed: false });
      this.log.info("weights committed", { epoch, uids, weights });
    } else if (!state.revealed) {
      try {
        await this.chain.subnet.revealWeights.staticCall(state.uids, state.weights, state.salt);
      } catch (e) {
        this.log.debug("weights not revealable now", { epoch, error: shortError(e) });
        return;
      }
      await this.chain.tx(this.chain.subnet, "revealWeights", state.uids, state.weights, state.salt);
      state.revealed = true;
      this.log.info("weights revealed", { epoch });
    }
  }
}

async function fetchEvidence(uri: string, timeoutMs: number): Promise<{ inputs: Tensor[]; outputs: Tensor[] } | undefined> {
  const res = await fetch(uri, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) return undefined;
  const body = (await res.json()) as { inputs: unknown[]; outputs: unknown[] };
  return { inputs: body.inputs.map((t) => decodeJsonTensor(t as never)), outputs: body.outputs.map((t) => decodeJsonTensor(t as never)) };
}

function shortError(e: unknown): string {
  const err = e as { shortMessage?: string; message?: string; revert?: { name?: string; args?: unknown[] } };
  if (err.revert?.name) return `${err.revert.name}(${(err.revert.args ?? []).join(", ")})`;
  return err.shortMessage ?? err.message ?? String(e);
}
