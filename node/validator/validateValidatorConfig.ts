// Checks a validator configuration and says exactly which key is wrong.
import type { ValidatorConfig } from "./ValidatorConfig.js";

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * Throws an Error naming the first invalid key of `config` (missing contracts, no models, bad rates,
 * no key unless `keyGiven`). The private key itself never appears in a message.
 *
 * @example
 * validateValidatorConfig(config, { keyGiven: false });
 */
export function validateValidatorConfig(config: ValidatorConfig, { keyGiven }: { keyGiven: boolean }): void {
  const fail = (msg: string): never => {
    throw new Error(`invalid validator config: ${msg}`);
  };
  if (!config || typeof config !== "object") fail("expected an object");
  for (const k of ["subnet", "auditLog", "modelRegistry", "challenges"] as const) {
    if (!ADDRESS.test(String(config.contracts?.[k]))) fail(`contracts.${k} must be a 0x address, got ${JSON.stringify(config.contracts?.[k])}`);
  }
  if (!Array.isArray(config.models) || config.models.length === 0) fail("models must list at least one { name, file }");
  for (const [i, m] of config.models.entries()) {
    if (typeof m?.name !== "string" || !m.name) fail(`models[${i}].name must be a non-empty string`);
    if (typeof m?.file !== "string" || !m.file) fail(`models[${i}].file must be a path to an .onnx file`);
  }
  if (!keyGiven && !config.privateKey) fail("no key: set privateKeyFile, env VERITENSOR_VALIDATOR_KEY, or --private-key-file");
  if (config.privateKey !== undefined && !/^0x[0-9a-fA-F]{64}$/.test(config.privateKey)) fail("the private key must be 32 bytes of 0x-hex");
  const rate = config.sampleRate ?? 0.05;
  if (!(rate >= 0 && rate <= 1)) fail(`sampleRate must be within [0, 1], got ${rate}`);
  for (const k of ["probeIntervalMs", "tickMs", "nodeRefreshMs", "requestTimeoutMs", "maxOpenChallengesPerNode", "inclusionGraceMs"] as const) {
    const v = config[k];
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) fail(`${k} must be a number >= 0, got ${v}`);
  }
  if (config.statsPort !== undefined && !(Number.isInteger(config.statsPort) && config.statsPort >= 0 && config.statsPort < 65536))
    fail(`statsPort must be a port number, got ${config.statsPort}`);
}
