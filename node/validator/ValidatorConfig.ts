// Everything a validator daemon is configured with (config file, env and flags end up here).
import type { Hex } from "../../client/index.js";
import type { ProbeSpec } from "./ProbeSpec.js";
import type { ValidatorContracts } from "./ValidatorChain.js";

/**
 * Validator configuration. Only `contracts`, `models` and a key are required; every other key has the
 * default shown. Times in ms unless named otherwise.
 *
 * @example
 * {
 *   "rpcUrl": "http://127.0.0.1:8545",
 *   "privateKeyFile": "validator.key",
 *   "contracts": { "subnet": "0x..", "auditLog": "0x..", "modelRegistry": "0x..", "challenges": "0x.." },
 *   "models": [{ "name": "mlp", "file": "models/mlp/mlp.onnx" }],
 *   "probeIntervalMs": 2000, "sampleRate": 0.05, "statsPort": 9100
 * }
 */
export interface ValidatorConfig {
  /** JSON-RPC endpoint (default http://127.0.0.1:8545). */
  rpcUrl?: string;
  /** The operator key of a registered validator. Never logged. Prefer `privateKeyFile` or env VERITENSOR_VALIDATOR_KEY. */
  privateKey?: Hex;
  /** File holding the 0x-hex private key (first line). */
  privateKeyFile?: string;
  contracts: ValidatorContracts;
  /** A DeploymentAddresses JSON (scripts/deploy, devnet) to take `contracts` (and `models` if none) from; CLI only. */
  deploymentFile?: string;
  /** Models this validator can re-run: the name nodes serve it under, its .onnx file, optional probe settings. */
  models: { name: string; file: string; probe?: ProbeSpec }[];
  /** onnxruntime execution providers for re-runs (default ["cpu"]). */
  executionProviders?: string[];
  /** Time between two probes of one node (default 2000). 0 disables probes. */
  probeIntervalMs?: number;
  /** Fraction of committed receipts of each node to audit (fetch data + proof, re-run), in [0, 1] (default 0.05). */
  sampleRate?: number;
  /** Main loop period (default 500). */
  tickMs?: number;
  /** How often the node list is re-read from the Subnet (default 10000). */
  nodeRefreshMs?: number;
  /** Commit and reveal weights every epoch (default true). */
  setWeights?: boolean;
  /** Also call Subnet.finalizeEpoch when an epoch is over (default false; anyone may). */
  finalizeEpochs?: boolean;
  /** File challenges for faults found (default true). */
  challenge?: boolean;
  /** Answer inclusion challenges whose receipt the node can prove included, protecting honest nodes (default true). */
  answerInclusion?: boolean;
  /** Serve on dispute committees (default true). */
  committee?: boolean;
  /** How long a committed seq may lack a valid inclusion proof from its node before it is challenged (default 10000). */
  inclusionGraceMs?: number;
  /** Most open challenges this validator keeps against one node (default 1). */
  maxOpenChallengesPerNode?: number;
  /** Port of the 127.0.0.1 HTTP server for GET /stats and challenge evidence (0: any free port; default: off). */
  statsPort?: number;
  /** HTTP timeout for node requests (default 15000). */
  requestTimeoutMs?: number;
  /** Log level (default "info"). */
  logLevel?: "debug" | "info" | "warn" | "error" | "silent";
}
