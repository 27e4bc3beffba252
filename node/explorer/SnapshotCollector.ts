// Reads chain state, events and published stats into one JSON snapshot for the dashboard.
import type { ChainEvent } from "../../client/sdk/ChainEvent.js";
import { toJsonSafe } from "../../client/sdk/internal/toJsonSafe.js";
import { readNodeStats } from "../../client/sdk/readNodeStats.js";
import type { VeritensorClient } from "../../client/sdk/VeritensorClient.js";
import { summarizeEpochs } from "./summarizeEpochs.js";

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
  private scannedTo = -1;
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
    const [models, nodes, validators, validatorStats] = await Promise.all([
      client.listModels(),
      client.listNodes(),
      client.listValidators(),
      Promise.all(this.validatorUrls.map(async (url) => ({ url, stats: await tryJson(url.replace(/\/+$/, "") + "/stats") }))),
    ]);
    const published = await Promise.all(nodes.map((n) => readNodeStats(n.endpoint, 1500).catch(() => undefined)));
    const measured = (signingKey: string, endpoint: string) =>
      validatorStats.flatMap(({ url, stats }) => {
        const perNode = (stats?.nodes ?? {}) as Record<string, unknown>;
        const hit = Object.entries(perNode).find(([k, v]) => k.toLowerCase() === signingKey.toLowerCase() || k === endpoint || (v as { endpoint?: string })?.endpoint === endpoint);
        return hit ? [{ validator: url, ...(hit[1] as object) }] : [];
      });
    const ev = this.events;
    const value = {
      updatedAt: new Date().toISOString(),
      chainId: ctx.addresses.chainId,
      blockNumber: head,
      contracts: ctx.addresses.contracts,
      models,
      nodes: nodes.map((n, i) => ({ ...n, raw: undefined, published: published[i] ? { ...published[i], raw: undefined } : null, measured: measured(n.signingKey, n.endpoint) })),
      validators: validators.map((v) => ({ ...v, raw: undefined })),
      validatorDaemons: validatorStats,
      epochs: summarizeEpochs(ev),
      batches: ev.filter((e) => e.contract === "AuditLog" && e.name === "BatchCommitted").reverse(),
      challenges: ev.filter((e) => e.contract === "Challenges").reverse(),
      slashes: ev.filter((e) => /slash|jail/i.test(e.name)).reverse(),
      recentEvents: ev.slice(-40).reverse(),
    };
    const safe = toJsonSafe(value) as Record<string, unknown>;
    this.last = { at: Date.now(), value: safe };
    return safe;
  }
}
