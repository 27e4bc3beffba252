// Merges the node's config file, VERITENSOR_* environment variables and CLI flags (in that order of precedence, lowest first).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { NodeConfig } from "./NodeConfig.js";

/** Environment variables the node reads, and the config key each sets. */
export const NODE_ENV_VARS: Record<string, keyof NodeConfig> = {
  VERITENSOR_HOST: "host",
  VERITENSOR_PORT: "port",
  VERITENSOR_MODEL_DIR: "modelDir",
  VERITENSOR_EXECUTION_PROVIDERS: "executionProviders",
  VERITENSOR_STORE_PATH: "storePath",
  VERITENSOR_SIGNING_KEY: "signingKey",
  VERITENSOR_SIGNING_KEY_FILE: "signingKeyFile",
  VERITENSOR_RPC_URL: "rpcUrl",
  VERITENSOR_CHAIN_ID: "chainId",
  VERITENSOR_AUDIT_LOG: "auditLog",
  VERITENSOR_MODEL_REGISTRY: "modelRegistry",
  VERITENSOR_CHALLENGES: "challenges",
  VERITENSOR_PRICE: "pricePerRequest",
  VERITENSOR_LOG_LEVEL: "logLevel",
  VERITENSOR_HOOKS: "hooksModule",
  VERITENSOR_RETAIN_DATA_SECONDS: "retainDataSeconds",
  VERITENSOR_MAX_BODY_BYTES: "maxBodyBytes",
};

const NUMERIC = new Set<keyof NodeConfig>(["port", "retainDataSeconds", "maxBodyBytes"]);

function coerce(key: keyof NodeConfig, raw: string): unknown {
  if (key === "executionProviders") return raw.split(",").map((s) => s.trim()).filter(Boolean);
  if (NUMERIC.has(key)) {
    const n = Number(raw);
    if (!Number.isFinite(n)) throw new Error(`${key} must be a number, got '${raw}'`);
    return n;
  }
  return raw;
}

/**
 * Reads `configPath` (if any), then applies `env` (VERITENSOR_*), then `flags` (already keyed like
 * NodeConfig). Relative paths of the file resolve against its folder; those from env/flags against cwd.
 *
 * @example
 * const config = loadNodeConfig("node.json", process.env, { port: 9000 });
 */
export function loadNodeConfig(configPath: string | undefined, env: NodeJS.ProcessEnv, flags: Partial<NodeConfig>): NodeConfig {
  let fromFile: NodeConfig = {};
  let baseDir = process.cwd();
  if (configPath) {
    const path = resolve(configPath);
    try {
      fromFile = JSON.parse(readFileSync(path, "utf8")) as NodeConfig;
    } catch (err) {
      throw new Error(`cannot read config ${path}: ${(err as Error).message}`);
    }
    if (typeof fromFile !== "object" || fromFile === null || Array.isArray(fromFile)) throw new Error(`config ${path} must hold a JSON object`);
    baseDir = dirname(path);
    for (const k of ["modelDir", "storePath", "signingKeyFile", "hooksModule"] as const) {
      if (typeof fromFile[k] === "string") fromFile[k] = resolve(baseDir, fromFile[k]);
    }
  }
  const fromEnv: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(NODE_ENV_VARS)) {
    const v = env[name];
    if (v !== undefined && v !== "") fromEnv[key] = coerce(key, v);
  }
  const defined = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
  return { ...fromFile, ...fromEnv, ...defined, baseDir };
}
