// The `veritensor` command line: devnet, nodes, validators, models, inference, staking, challenges, epochs, explorer.
import { Command, Option } from "commander";
import { BaseError } from "../errors/BaseError.js";
import { DEFAULT_ADDRESSES } from "./cliClient.js";
import { registerChallengeCommands } from "./commands/registerChallengeCommands.js";
import { registerDaemonCommands } from "./commands/registerDaemonCommands.js";
import { registerEpochCommands } from "./commands/registerEpochCommands.js";
import { registerInferCommands } from "./commands/registerInferCommands.js";
import { registerModelCommands } from "./commands/registerModelCommands.js";
import { registerStakeCommands } from "./commands/registerStakeCommands.js";
import { registerStatusCommands } from "./commands/registerStatusCommands.js";

const program = new Command("veritensor")
  .description("Verifiable AI inference: run a devnet, serve or validate models, infer with proofs, stake, challenge.")
  .addOption(new Option("--rpc <url>", "JSON-RPC URL of the chain").env("VERITENSOR_RPC_URL").default("http://127.0.0.1:8545"))
  .addOption(new Option("--addresses <file>", "deployment addresses JSON").env("VERITENSOR_ADDRESSES").default(DEFAULT_ADDRESSES))
  .addOption(new Option("--key <hex>", "private key for transactions").env("VERITENSOR_PRIVATE_KEY"))
  .option("--json", "print results as JSON (for scripts)")
  .showHelpAfterError();

registerDaemonCommands(program);
registerModelCommands(program);
registerInferCommands(program);
registerStakeCommands(program);
registerChallengeCommands(program);
registerEpochCommands(program);
registerStatusCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const json = program.opts().json;
  const message = err instanceof BaseError ? err.message : err instanceof Error ? err.message : String(err);
  if (json) process.stdout.write(JSON.stringify({ error: message, name: (err as Error)?.name }) + "\n");
  else process.stderr.write(`error: ${message}\n`);
  process.exitCode = 1;
}
