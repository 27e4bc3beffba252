// Reads chain state, events and published stats into one JSON snapshot for the dashboard.
import type { ChainEvent } from "../../client/sdk/ChainEvent.js";
import { toJsonSafe } from "../../client/sdk/internal/toJsonSafe.js";
import { readNodeStats } from "../../client/sdk/readNodeStats.js";
import type { VeritensorClient } from "../../client/sdk/VeritensorClient.js";
import type { EpochSummary } from "./EpochSummary.js";

/** Samples kept per rolling series (one per snapshot build, about every `refreshMs`). */
const HISTORY_POINTS = 300;

/** One node's values in a history sample (waits in ms, stake in token base units as a decimal string). */
interface NodeSample {
  p50Ms: number | null;
  p99Ms: number | null;
  measuredP50Ms: number | null;
  measuredP99Ms: number | null;
  stake: string;
}

/** One snapshot-time sample of every node, so a fresh page load sees recent history. */
interface HistorySample {
  at: string;
  blockNumber: number;
  nodes: Record<string, NodeSample>;
}

/** A finite number or null. */
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Fetches JSON from a URL with a short timeout; undefined when unreachable. */
async function tryJson(url: string): Promise<Record<string, unknown> | undefined> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1500) });
    return res.ok ? ((await res.json()) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds dashboard snapshots. Events are scanned incrementally (only new blocks each time); a
 * snapshot is rebuilt at most every `refreshMs` and concurrent callers share one build.
 */
export class SnapshotCollector {
  private events: ChainEvent[] = [];
  private readonly epochs = new Map<number, EpochSummary>();
  private scannedTo = -1;
  private readonly history: HistorySample[] = [];
  private last?: { at: number; value: Record<string, unknown> };
  private pending?: Promise<Record<string, unknown>>;

  constructor(
    private readonly client: VeritensorClient,
    private readonly validatorUrls: string[],
    private readonly refreshMs: number,
  ) {}

  /** The latest snapshot (cached for `refreshMs`). */
  async get(): Promise<Record<string, unknown>> {
    if (this.last && Date.now() - this.last.at < this.refreshMs) return this.last.value;
    this.pending ??= this.build().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** Reads the results of every newly finalised epoch at the block it was finalised in. */
  private async readNewEpochs(): Promise<void> {
    for (const e of this.events) {
      if (e.contract !== "Subnet" || e.name !== "EpochFinalized") continue;
      const epoch = Number(e.args.epoch);
      if (this.epochs.has(epoch)) continue;
      const r = await this.client.epochResults({ blockTag: e.blockNumber });
      // Weights are stored by node slot: map slots to operators as of that block.
      const subnet = this.client.context.contracts.subnet;
      const slotOperator = new Map<number, string>();
      const weights = await Promise.all(
        r.validators.map(async (v) => {
          const [ids, ws] = await subnet.epochWeights(epoch, v.operator, { blockTag: e.blockNumber });
          const row: Record<string, number> = {};
          for (const [i, id] of [...ids].entries()) {
            const slot = Number(id);
            if (!slotOperator.has(slot)) slotOperator.set(slot, (await subnet.node(slot, { blockTag: e.blockNumber })).operator);
            row[slotOperator.get(slot)!] = Number(ws[i]);
          }
          return { validator: v.operator, weights: row };
        }),
      );
      this.epochs.set(epoch, {
        epoch,
        blockNumber: e.blockNumber,
        txHash: e.txHash,
        emission: BigInt(String(e.args.emission)),
        ownerAmount: BigInt(String(e.args.ownerAmount)),
        burned: BigInt(String(e.args.burned)),
        nodesShare: r.nodes.reduce((s, n) => s + n.emission, 0n),
        validatorsShare: r.validators.reduce((s, v) => s + v.emission, 0n),
        nodes: r.nodes.map((n) => ({ node: n.operator, consensus: n.consensus, incentive: n.incentive, emission: n.emission })),
        validators: r.validators.map((v) => ({ validator: v.operator, trust: v.trust, dividends: v.dividends, emission: v.emission })),
        weights,
      });
    }
  }

  /** Reads everything once. */
  private async build(): Promise<Record<string, unknown>> {
    const { client } = this;
    const ctx = client.context;
    const head = await ctx.provider.getBlockNumber();
    if (head > this.scannedTo) {
      const fresh = await client.readEvents({ fromBlock: Math.max(this.scannedTo + 1, ctx.addresses.startBlock), toBlock: head });
      this.events.push(...fresh);
      this.scannedTo = head;
    }
    await this.readNewEpochs();
    const [challengeList, models, nodes, validators, validatorStats] = await Promise.all([
      client.listChallenges(),
      client.listModels(),
      client.listNodes(),
      client.listValidators(),
      Promise.all(this.validatorUrls.map(async (url) => ({ url, stats: await tryJson(url.replace(/\/+$/, "") + "/stats") }))),
    ]);
    const published = await Promise.all(nodes.map((n) => readNodeStats(n.endpoint, 1500).catch(() => undefined)));
    // Each validator daemon's GET /stats lists what it measured per node (waits, acceptance, faults).
    const measured = (signingKey: string) =>
      validatorStats.flatMap(({ url, stats }) => {
        const rows = Array.isArray(stats?.nodes) ? (stats.nodes as Record<string, any>[]) : [];
        const hit = rows.find((r) => String(r.signer ?? "").toLowerCase() === signingKey.toLowerCase());
        return hit ? [{ validator: url, p50Ms: hit.waitMs?.p50 ?? undefined, p99Ms: hit.waitMs?.p99 ?? undefined, acceptanceRate: hit.acceptance, checks: hit.checks, faults: (hit.faults ?? []).length, score: hit.score }] : [];
      });
    const ev = this.events;
    const updatedAt = new Date().toISOString();
    const sample: HistorySample = { at: updatedAt, blockNumber: head, nodes: {} };
    nodes.forEach((n, i) => {
      const m = measured(n.signingKey)[0];
      sample.nodes[n.operator] = {
        p50Ms: num(published[i]?.p50Ms),
        p99Ms: num(published[i]?.p99Ms),
        measuredP50Ms: num(m?.p50Ms),
        measuredP99Ms: num(m?.p99Ms),
        stake: String(n.stake),
      };
    });
    this.history.push(sample);
    if (this.history.length > HISTORY_POINTS) this.history.splice(0, this.history.length - HISTORY_POINTS);
    const value = {
      updatedAt,
      chainId: ctx.addresses.chainId,
      blockNumber: head,
      contracts: ctx.addresses.contracts,
      models,
      nodes: nodes.map((n, i) => ({ ...n, raw: undefined, published: published[i] ? { ...published[i], raw: undefined } : null, measured: measured(n.signingKey) })),
      validators: validators.map((v) => ({ ...v, raw: undefined })),
      validatorDaemons: validatorStats,
      epochs: [...this.epochs.values()].sort((a, b) => a.epoch - b.epoch),
      batches: ev.filter((e) => e.contract === "AuditLog" && e.name === "BatchCommitted").reverse(),
      challenges: challengeList.map(({ raw, ...c }) => c).reverse(),
      challengeEvents: ev.filter((e) => e.contract === "Challenges").reverse(),
      slashes: ev.filter((e) => e.contract === "Subnet" && e.name === "OperatorSlashed").reverse(),
      recentEvents: ev.slice(-40).reverse(),
      /** Rolling per-node samples (oldest first, at most HISTORY_POINTS): waits and stake over time. */
      history: this.history,
    };
    const safe = toJsonSafe(value) as Record<string, unknown>;
    this.last = { at: Date.now(), value: safe };
    return safe;
  }
}
