// Builds a ValidatorConfig from a JSON file, environment variables and command-line flags (in rising priority).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Hex } from "../../client/index.js";
import type { ValidatorConfig } from "./ValidatorConfig.js";

/** Flags main.ts accepts (commander's camel-cased names). */
export interface ValidatorFlags {
  config?: string;
  deployment?: string;
  rpcUrl?: string;
  privateKeyFile?: string;
  statsPort?: string;
  sampleRate?: string;
  probeIntervalMs?: string;
  tickMs?: string;
  logLevel?: string;
  weights?: boolean;
  challenge?: boolean;
  committee?: boolean;
}

/**
 * The config file (`--config`, paths in it relative to the file), the deployment addresses file written by
 * `scripts/deploy` / the devnet (`--deployment`, env `VERITENSOR_DEPLOYMENT` or `deploymentFile`: fills
 * `contracts`, and `models` when the config lists none, model paths relative to the working directory, the
 * project root), then env (`VERITENSOR_RPC_URL`,
 * `VERITENSOR_VALIDATOR_KEY`, `VERITENSOR_VALIDATOR_KEY_FILE`, `VERITENSOR_VALIDATOR_STATS_PORT`,
 * `VERITENSOR_VALIDATOR_SAMPLE_RATE`), then flags. The key is read from `privateKeyFile` (or the env key);
 * it is kept only in the returned object and never logged.
 *
 * @example
 * const config = loadValidatorConfig({ config: "validator.json", statsPort: "9100" }, process.env);
 */
export function loadValidatorConfig(flags: ValidatorFlags, env: NodeJS.ProcessEnv): ValidatorConfig {
  let config = {} as ValidatorConfig;
  if (flags.config) {
    const file = path.resolve(flags.config);
    try {
      config = JSON.parse(readFileSync(file, "utf8"));
    } catch (e) {
      throw new Error(`cannot read validator config ${file}: ${(e as Error).message}`);
    }
    const dir = path.dirname(file);
    config.models = (config.models ?? []).map((m) => ({ ...m, file: path.resolve(dir, m.file) }));
    if (config.privateKeyFile) config.privateKeyFile = path.resolve(dir, config.privateKeyFile);
  }
  const deployment = flags.deployment ?? env.VERITENSOR_DEPLOYMENT ?? config.deploymentFile;
  if (deployment) applyDeployment(config, path.resolve(deployment));
  const num = (v: string | undefined, name: string) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got ${JSON.stringify(v)}`);
    return n;
  };
  config.rpcUrl = flags.rpcUrl ?? env.VERITENSOR_RPC_URL ?? config.rpcUrl;
  config.statsPort = num(flags.statsPort, "--stats-port") ?? num(env.VERITENSOR_VALIDATOR_STATS_PORT, "VERITENSOR_VALIDATOR_STATS_PORT") ?? config.statsPort;
  config.sampleRate = num(flags.sampleRate, "--sample-rate") ?? num(env.VERITENSOR_VALIDATOR_SAMPLE_RATE, "VERITENSOR_VALIDATOR_SAMPLE_RATE") ?? config.sampleRate;
  config.probeIntervalMs = num(flags.probeIntervalMs, "--probe-interval-ms") ?? config.probeIntervalMs;
  config.tickMs = num(flags.tickMs, "--tick-ms") ?? config.tickMs;
  if (flags.logLevel) config.logLevel = flags.logLevel as ValidatorConfig["logLevel"];
  if (flags.weights === false) config.setWeights = false;
  if (flags.challenge === false) config.challenge = false;
  if (flags.committee === false) config.committee = false;
  const keyFile = flags.privateKeyFile ?? env.VERITENSOR_VALIDATOR_KEY_FILE ?? config.privateKeyFile;
  if (env.VERITENSOR_VALIDATOR_KEY && !flags.privateKeyFile) config.privateKey = env.VERITENSOR_VALIDATOR_KEY.trim() as Hex;
  else if (keyFile) {
    try {
      config.privateKey = readFileSync(keyFile, "utf8").split("\n")[0].trim() as Hex;
    } catch (e) {
      throw new Error(`cannot read the validator key file ${keyFile}: ${(e as Error).message}`);
    }
  }
  delete config.privateKeyFile;
  return config;
}

/** Fills contract addresses (and models, when none are configured) from a DeploymentAddresses JSON file. */
function applyDeployment(config: ValidatorConfig, file: string): void {
  let d: { contracts?: Record<string, string>; models?: { name: string; path: string }[] };
  try {
    d = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`cannot read deployment file ${file}: ${(e as Error).message}`);
  }
  const c = d.contracts ?? {};
  config.contracts = {
    subnet: (config.contracts?.subnet ?? c.Subnet) as Hex,
    auditLog: (config.contracts?.auditLog ?? c.AuditLog) as Hex,
    modelRegistry: (config.contracts?.modelRegistry ?? c.ModelRegistry) as Hex,
    challenges: (config.contracts?.challenges ?? c.Challenges) as Hex,
  };
  if (!config.models?.length && d.models?.length) config.models = d.models.map((m) => ({ name: m.name, file: path.resolve(m.path) }));
}
