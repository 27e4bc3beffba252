// Command-line entry of the validator daemon: `npx tsx node/validator/main.ts --config validator.json`.
import { Command } from "commander";
import { loadValidatorConfig, type ValidatorFlags } from "./loadValidatorConfig.js";
import { startValidator } from "./startValidator.js";

const program = new Command()
  .name("veritensor-validator")
  .description(
    "Veritensor validator: probes nodes, audits committed receipts, re-runs models under their registry policy, " +
      "challenges faults on-chain, serves on dispute committees and sets weights every epoch.\n\n" +
      "Environment: VERITENSOR_RPC_URL, VERITENSOR_DEPLOYMENT, VERITENSOR_VALIDATOR_KEY (0x key), VERITENSOR_VALIDATOR_KEY_FILE,\n" +
      "VERITENSOR_VALIDATOR_STATS_PORT, VERITENSOR_VALIDATOR_SAMPLE_RATE. Flags override env, env overrides the file.",
  )
  .option("-c, --config <file>", "JSON config (see node/validator/ValidatorConfig.ts)")
  .option("-d, --deployment <file>", "deployment addresses JSON (scripts/deploy, devnet): contracts and models")
  .option("--rpc-url <url>", "JSON-RPC endpoint (default http://127.0.0.1:8545)")
  .option("--private-key-file <file>", "file holding the validator operator key (0x-hex, never logged)")
  .option("--stats-port <port>", "serve GET /stats and challenge evidence on 127.0.0.1:<port> (0 = any)")
  .option("--sample-rate <fraction>", "fraction of committed receipts to audit (default 0.05)")
  .option("--probe-interval-ms <ms>", "time between two probes of one node (default 2000)")
  .option("--tick-ms <ms>", "main loop period (default 500)")
  .option("--log-level <level>", "debug | info | warn | error | silent (default info)")
  .option("--no-weights", "do not commit/reveal weights")
  .option("--no-challenge", "detect faults but never open challenges")
  .option("--no-committee", "do not serve on dispute committees");

program.parse();
const flags = program.opts<ValidatorFlags>();

try {
  const validator = await startValidator(loadValidatorConfig(flags, process.env));
  const stop = async (signal: string) => {
    process.stderr.write(JSON.stringify({ level: "info", time: new Date().toISOString(), msg: "stopping", signal }) + "\n");
    await validator.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
} catch (e) {
  process.stderr.write(JSON.stringify({ level: "error", time: new Date().toISOString(), msg: "validator failed to start", error: (e as Error).message }) + "\n");
  process.exit(1);
}
