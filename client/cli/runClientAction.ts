// Runs one CLI action against the SDK client with a progress line, then prints its result.
import type { Command } from "commander";
import type { VeritensorClient } from "../sdk/VeritensorClient.js";
import { cliClient, type GlobalOptions } from "./cliClient.js";
import { printResult } from "./printResult.js";
import { Progress } from "./Progress.js";

/**
 * Builds the client from `cmd`'s global options, runs `fn` on it while showing `label` as progress, and prints
 * what it returns: one JSON line with --json, else indented JSON with each bigint written by `bigint`.
 *
 * @example
 * .action((op: string, _o, cmd: Command) => runClientAction(cmd, "claiming rewards", (c) => c.claim(op), (x) => formatUnits(x, 18)));
 */
export async function runClientAction(
  cmd: Command,
  label: string,
  fn: (client: VeritensorClient) => Promise<unknown>,
  bigint: (x: bigint) => string,
): Promise<void> {
  const g = cmd.optsWithGlobals<GlobalOptions>();
  const progress = new Progress(g.json);
  progress.start(label);
  const res = await fn(cliClient(g));
  progress.done();
  printResult(g.json, res, (v) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? bigint(x) : x), 2));
}
