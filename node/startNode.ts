// Starts an inference node in-process: models, receipt store, signer, committer and the HTTP server.
import { createServer, type Server } from "node:http";
import { resolve, isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import { JsonRpcProvider, Wallet, isAddress, type Provider } from "ethers";
import { createReceiptSigner, type Hex, type Receipt, type SignedReceipt } from "../client/index.js";
import type { NodeConfig } from "./config/NodeConfig.js";
import { readSigningKey } from "./config/readSigningKey.js";
import type { Logger } from "./log/Logger.js";
import { createJsonLogger } from "./log/createJsonLogger.js";
import type { NodeHooks } from "./hooks/NodeHooks.js";
import { loadModelConfigs } from "./models/loadModelConfigs.js";
import { loadServedModel } from "./models/loadServedModel.js";
import type { ServedModel } from "./models/ServedModel.js";
import { ReceiptStore } from "./store/ReceiptStore.js";
import { ReceiptIssuer } from "./receipts/ReceiptIssuer.js";
import { NodeMetrics } from "./metrics/NodeMetrics.js";
import { RollingPercentiles } from "./metrics/RollingPercentiles.js";
import { BatchProofs } from "./chain/BatchProofs.js";
import { Committer } from "./chain/Committer.js";
import type { CommitterOptions } from "./chain/CommitterOptions.js";
import { InclusionResponder } from "./chain/InclusionResponder.js";
import type { InclusionResponderOptions } from "./chain/InclusionResponderOptions.js";
import { TxLock } from "./chain/TxLock.js";
import type { ModelStats, NodeContext } from "./server/NodeContext.js";
import { createApp } from "./server/createApp.js";

/** A running node. */
export interface RunningNode {
  /** Base URL, e.g. http://127.0.0.1:8000. */
  url: string;
  /** The signing key's address (receipt.node). */
  address: Hex;
  /** The receipt store (for tests and tools). */
  store: ReceiptStore;
  /** The committer, when a chain is configured. */
  committer?: Committer;
  /** The inclusion challenge responder, when a chain and `challenges` are configured. */
  responder?: InclusionResponder;
  /** The loaded models by name. */
  models: Map<string, ServedModel>;
  /** Stops accepting requests, stops the committer, workers and store. */
  close(): Promise<void>;
}

/** Extra wiring for programmatic use (tests, devnet). */
export interface StartNodeOptions {
  /** Chain access instead of `rpcUrl` (e.g. Hardhat's in-process provider). */
  provider?: Provider;
  logger?: Logger;
  /** Test-only misbehaviour hooks (overrides `hooksModule`). */
  hooks?: NodeHooks;
}

const DEFAULT_INCLUSION: InclusionResponderOptions = { pollMs: 1000, backoffMs: 500, maxBackoffMs: 15_000, txTimeoutMs: 60_000 };
const DEFAULT_COMMIT: CommitterOptions = { maxBatchSize: 1024, maxBatchAgeMs: 2000, pollMs: 250, backoffMs: 500, maxBackoffMs: 15_000, txTimeoutMs: 60_000 };

/** Loads `hooksModule`: its default export is NodeHooks or a factory `(ctx: { sign, chainId }) => NodeHooks`. */
async function loadHooks(path: string, baseDir: string, sign: (r: Omit<Receipt, "node">) => SignedReceipt, chainId: bigint): Promise<NodeHooks> {
  const abs = isAbsolute(path) ? path : resolve(baseDir, path);
  const mod = (await import(pathToFileURL(abs).href)) as { default?: unknown };
  const d = mod.default;
  if (typeof d === "function") return (await (d as (ctx: unknown) => NodeHooks | Promise<NodeHooks>)({ sign, chainId })) as NodeHooks;
  if (d && typeof d === "object") return d as NodeHooks;
  throw new Error(`hooks module ${abs} must default-export NodeHooks or a function returning them`);
}

/**
 * Starts a node. Throws (after cleaning up) on any configuration problem: missing key or AuditLog, a
 * model refused by the registry, a store that belongs to another key or is behind the chain.
 *
 * @example
 * const node = await startNode({ port: 0, modelDir: "models", chainId: 31337, auditLog, signingKey });
 * const res = await fetch(`${node.url}/v2/models/mlp`); ... await node.close();
 */
export async function startNode(config: NodeConfig, opts: StartNodeOptions = {}): Promise<RunningNode> {
  const logger = opts.logger ?? createJsonLogger({ level: config.logLevel ?? "info", base: { service: "veritensor-node" } });
  const baseDir = config.baseDir ?? process.cwd();
  const key = readSigningKey(config);
  if (!config.auditLog) throw new Error("auditLog (address) is required: receipts are signed under its EIP-712 domain");
  const provider = opts.provider ?? (config.rpcUrl ? new JsonRpcProvider(config.rpcUrl, undefined, { staticNetwork: config.chainId !== undefined }) : undefined);
  let chainId: bigint;
  if (config.chainId !== undefined) chainId = BigInt(config.chainId);
  else if (provider) chainId = (await provider.getNetwork()).chainId;
  else throw new Error("chainId is required when no rpcUrl is given");
  const domain = { chainId, verifyingContract: config.auditLog as Hex };
  const signer = createReceiptSigner({ privateKey: key, domain });
  const log = logger.child({ node: signer.address });

  const storePath = config.storePath
    ? isAbsolute(config.storePath)
      ? config.storePath
      : resolve(baseDir, config.storePath)
    : resolve(baseDir, ".veritensor/node", `${signer.address.toLowerCase()}.sqlite`);
  const store = await ReceiptStore.open(storePath, { node: signer.address, synchronous: config.storeSynchronous });
  const models = new Map<string, ServedModel>();
  const cleanups: (() => Promise<void> | void)[] = [() => store.close()];
  const cleanup = async () => {
    for (const c of cleanups.reverse()) await c();
  };
  try {
    const hooks = opts.hooks ?? (config.hooksModule ? await loadHooks(config.hooksModule, baseDir, (r) => signer.sign(r), chainId) : undefined);
    if (hooks) log.warn("misbehaviour hooks are active: this node is for tests only", { hooksModule: config.hooksModule ?? "programmatic" });
    const eps = config.executionProviders ?? ["cuda", "cpu"];
    const configs = loadModelConfigs({ modelDir: config.modelDir, models: config.models, baseDir });
    const registry = config.modelRegistry && provider ? { address: config.modelRegistry, runner: provider } : undefined;
    if (config.modelRegistry && !provider) throw new Error("modelRegistry is set but no rpcUrl: the node cannot check its models");
    let fallbackLogged = false;
    for (const c of configs) {
      const m = await loadServedModel(c, { executionProviders: eps, registry });
      cleanups.push(() => m.runner.close());
      models.set(c.name, m);
      if (m.runner.fallbackReason && !fallbackLogged) {
        fallbackLogged = true;
        log.warn(`execution provider ${eps[0]} unavailable, falling back to cpu`, { requested: eps, reason: m.runner.fallbackReason });
      }
      log.info("model loaded", { model: c.name, modelHash: m.modelHash, executionProvider: m.runner.executionProvider, batching: m.runner.batching, unbatchedReason: m.runner.unbatchedReason, padBatches: m.runner.padBuckets, instances: c.instances, policySource: m.policySource });
    }

    const proofs = new BatchProofs(store);
    let committer: Committer | undefined;
    let responder: InclusionResponder | undefined;
    const metrics = new NodeMetrics({
      receiptsPending: () => Number(store.durableLastSeq() - store.committedThrough()),
      receiptsCommitted: () => Number(store.committedThrough()),
      queueLength: (name) => models.get(name)?.runner.queueLength ?? 0,
      models: () => [...models.values()].map((m) => ({ name: m.config.name, version: m.config.version, executionProvider: m.runner.executionProvider })),
    });
    const stats = new Map<string, ModelStats>();
    for (const m of models.values()) {
      stats.set(m.config.name, { accepted: 0, rejected: 0, failed: 0, waitMs: new RollingPercentiles(2048) });
      const labels = { model: m.config.name, version: m.config.version };
      m.runner.onExecution = () => metrics.execCount.inc(labels);
      m.runner.onWorkerRestart = (err) => log.error("session worker died; restarting it", { model: m.config.name, error: err.message });
    }

    if (config.challenges !== undefined && !isAddress(config.challenges)) throw new Error(`challenges must be a contract address, got '${String(config.challenges)}'`);
    if (config.challenges && !provider) throw new Error("challenges is set but no rpcUrl: the node cannot answer inclusion challenges");
    if (provider) {
      const wallet = new Wallet(key, provider);
      const txLock = new TxLock();
      committer = new Committer({
        txLock,
        store,
        signer: wallet,
        auditLog: config.auditLog,
        logger: log.child({ component: "committer" }),
        options: { ...DEFAULT_COMMIT, ...config.commit },
        proofs,
        hooks,
        events: { onCommitFailure: () => metrics.commitFailures.inc(), onBatchCommitted: () => metrics.batchesCommitted.inc() },
      });
      try {
        await committer.reconcile();
      } catch (err) {
        const msg = (err as Error).message;
        if (msg.includes("refusing to reuse seqs")) throw err;
        log.warn("chain unreachable at start; serving anyway, commits will catch up", { error: (err as { shortMessage?: string }).shortMessage ?? msg });
      }
      committer.start();
      cleanups.push(() => committer!.stop());
      if (config.challenges) {
        responder = new InclusionResponder({
          store,
          proofs,
          signer: wallet,
          challenges: config.challenges,
          logger: log.child({ component: "inclusion-responder" }),
          options: { ...DEFAULT_INCLUSION, ...config.inclusion },
          txLock,
          onResult: (result) => metrics.inclusionChallenges.inc({ result }),
        });
        responder.start();
        cleanups.push(() => responder!.stop());
        log.info("answering inclusion challenges against this node", { challenges: config.challenges });
      }
    } else {
      log.warn("no rpcUrl: receipts are signed and stored but not committed on-chain");
    }

    const retainDataSeconds = config.retainDataSeconds ?? 7 * 24 * 3600;
    const ctx: NodeContext = {
      logger: log,
      models,
      issuer: new ReceiptIssuer(signer, store, { retainData: config.retainData ?? true, hooks }),
      store,
      proofs,
      metrics,
      stats,
      waitMs: new RollingPercentiles(4096),
      domain,
      hooks,
      maxBodyBytes: config.maxBodyBytes ?? 64 * 1024 * 1024,
      retainDataSeconds,
      pricePerRequest: config.pricePerRequest ?? "0",
      commitStatus: () => ({ enabled: committer !== undefined, lastError: committer?.lastError }),
      version: "0.1.0",
    };
    const prune = setInterval(() => store.pruneData(Date.now() - retainDataSeconds * 1000), 60_000);
    prune.unref();
    cleanups.push(() => clearInterval(prune));

    const server: Server = createServer({ keepAliveTimeout: 65_000 }, createApp(ctx));
    const host = config.host ?? "127.0.0.1";
    await new Promise<void>((res, rej) => {
      server.once("error", rej);
      server.listen(config.port ?? 8000, host, () => res());
    });
    // On close: stop accepting, let requests in flight finish (their receipts are being written), then cut the rest.
    cleanups.push(
      () =>
        new Promise<void>((res) => {
          const force = setTimeout(() => server.closeAllConnections(), 5_000);
          server.close(() => {
            clearTimeout(force);
            res();
          });
          server.closeIdleConnections();
        }),
    );
    const addr = server.address() as { port: number };
    const url = `http://${host.includes(":") ? `[${host}]` : host}:${addr.port}`;
    log.info("listening", { url, models: [...models.keys()], chainId, auditLog: config.auditLog, challenges: config.challenges, store: storePath });
    let closed = false;
    return {
      url,
      address: signer.address,
      store,
      committer,
      responder,
      models,
      async close() {
        if (closed) return;
        closed = true;
        await cleanup();
      },
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
