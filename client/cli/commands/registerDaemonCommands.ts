// `veritensor devnet`, `node start`, `validator start`, `explorer`: the long-running processes.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import type { GlobalOptions } from "../cliClient.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Runs a TypeScript entry of this project in a child Node (same runtime flags), forwarding args and signals. */
function runEntry(entry: string, args: string[]): Promise<void> {
  const path = ROOT + entry;
  if (!existsSync(path)) throw new Error(`${entry} is not part of this checkout`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, path, ...args], { stdio: "inherit" });
    const forward = (s: NodeJS.Signals) => child.kill(s);
    process.on("SIGINT", forward).on("SIGTERM", forward);
    child.on("exit", (code) => {
      process.off("SIGINT", forward).off("SIGTERM", forward);
      if (code === 0) resolve();
      else reject(new Error(`${entry} exited with code ${code}`));
    });
  });
}

/**
 * Adds `devnet`, `node start`, `validator start` and `explorer`.
 *
 * @example
 * registerDaemonCommands(program);
 */
export function registerDaemonCommands(program: Command): void {
  program
    .command("devnet")
    .description("local chain + contracts + 3 nodes + 2 validators + the narrated demo (same as npm start)")
    .option("--exit", "run the demo once and exit (0 only if every step verified)")
    .option("--port <n>", "chain port (default 8545 or a free one)")
    .action((o) => runEntry("scripts/devnet.ts", [...(o.exit ? ["--exit"] : []), ...(o.port ? ["--port", o.port] : [])]));
  program
    .command("node")
    .description("inference node daemon")
    .command("start")
    .description("start an inference node (options: see `veritensor node start --help`)")
    .allowUnknownOption()
    .helpOption(false)
    .argument("[args...]")
    .action((args: string[]) => runEntry("node/main.ts", args));
  program
    .command("validator")
    .description("validator daemon")
    .command("start")
    .description("start a validator (options: see `veritensor validator start --help`)")
    .allowUnknownOption()
    .helpOption(false)
    .argument("[args...]")
    .action((args: string[]) => runEntry("node/validator/main.ts", args));
  program
    .command("explorer")
    .description("serve the explorer dashboard for a deployment")
    .option("--port <n>", "port (default: a free one)", "0")
    .option("--validator <url...>", "validator daemons whose /stats to show")
    .action(async (o, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const { startExplorer } = await import("../../../node/explorer/startExplorer.js");
      const explorer = await startExplorer({ rpcUrl: g.rpc, addresses: g.addresses, port: Number(o.port), validatorUrls: o.validator ?? [] });
      process.stdout.write(`Explorer at ${explorer.url} (Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => process.once("SIGINT", resolve).once("SIGTERM", resolve));
      await explorer.close();
    });
}
