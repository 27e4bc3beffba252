// The inference node daemon's configuration (one JSON file; env VERITENSOR_* and CLI flags override it).
import type { ModelConfig } from "../models/ModelConfig.js";
import type { CommitterOptions } from "../chain/CommitterOptions.js";
import type { InclusionResponderOptions } from "../chain/InclusionResponderOptions.js";

/**
 * Everything the node daemon reads. Only `auditLog` and a signing key are required; the rest has
 * defaults (see defaultNodeConfig). Relative paths resolve against the config file's folder.
 *
 * @example
 * { "port": 8000, "modelDir": "models", "rpcUrl": "http://127.0.0.1:8545",
 *   "auditLog": "0x...", "modelRegistry": "0x...", "signingKeyFile": "node.key" }
 */
export interface NodeConfig {
  /** Listen address (default 127.0.0.1). */
  host?: string;
  /** Listen port; 0 picks a free one (default 8000). */
  port?: number;
  /** Folder of model config files (`*.json`, one model each). */
  modelDir?: string;
  /** Inline model configs (in addition to modelDir). */
  models?: ModelConfig[];
  /** Execution providers in order of preference (default ["cuda", "cpu"]; CPU fallback is automatic). */
  executionProviders?: string[];
  /** SQLite file of the receipt store (default .veritensor/node/<address>.sqlite). */
  storePath?: string;
  /** `full` (fsync per group commit, default) or `normal` (survives process crashes, not power loss). */
  storeSynchronous?: "full" | "normal";
  /** Keep each request's inputs/outputs for validators and disputes (default true). */
  retainData?: boolean;
  /** How long retained inputs/outputs are kept, in seconds (default 604800 = 7 days). */
  retainDataSeconds?: number;
  /** Largest accepted request body in bytes; larger gets 413 (default 64 MiB). */
  maxBodyBytes?: number;
  /** Hex private key of the node's signing key. Prefer signingKeyFile or env VERITENSOR_SIGNING_KEY. */
  signingKey?: string;
  /** File holding the hex private key. */
  signingKeyFile?: string;
  /** JSON-RPC URL of the chain; without it (and without a provider) no batches are committed. */
  rpcUrl?: string;
  /** Chain id of the receipt domain (read from the RPC when omitted). */
  chainId?: number | string;
  /** AuditLog address: the receipts' EIP-712 verifyingContract and where roots are committed. */
  auditLog?: string;
  /** ModelRegistry address; when set, models whose sha256 is not an active entry are refused. */
  modelRegistry?: string;
  /** Challenges contract address; when set (with a chain), the node answers inclusion challenges against its key itself. */
  challenges?: string;
  /** Inclusion responder settings (pollMs 1000, backoffMs 500, maxBackoffMs 15000, txTimeoutMs 60000). */
  inclusion?: Partial<InclusionResponderOptions>;
  /** Batch committer settings. */
  commit?: Partial<CommitterOptions>;
  /** Price per request in the token's smallest unit, announced in /v2/stats (default "0"). */
  pricePerRequest?: string;
  /** debug | info | warn | error | silent (default info). */
  logLevel?: "debug" | "info" | "warn" | "error" | "silent";
  /** Test-only: module exporting NodeHooks (see node/hooks/NodeHooks.ts). Never set on a real node. */
  hooksModule?: string;
  /** Folder relative paths resolve against (set by loadNodeConfig to the config file's folder). */
  baseDir?: string;
}
