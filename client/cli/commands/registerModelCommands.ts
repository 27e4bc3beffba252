// `veritensor models list|register`.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Command } from "commander";
import { cliClient, type GlobalOptions } from "../cliClient.js";
import { printResult } from "../printResult.js";
import { Progress } from "../Progress.js";

/**
 * Adds the `models` command group.
 *
 * @example
 * registerModelCommands(program);
 */
export function registerModelCommands(program: Command): void {
  const models = program.command("models").description("registered models (ModelRegistry)");
  models
    .command("list")
    .description("list registered models with their hash and verification policy")
    .action(async (_o, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const list = await cliClient(g).listModels();
      printResult(g.json, list, (l) =>
        l.length ? l.map((m) => `${m.name.padEnd(16)} ${m.modelHash} ${m.policy.kind}${m.deprecated ? " (deprecated)" : ""}`).join("\n") : "no models registered",
      );
    });
  models
    .command("register <file>")
    .description("register an .onnx file by its sha256 (you become its owner)")
    .option("--name <name>", "model name nodes serve it under (default: file name)")
    .option("--uri <uri>", "where the weights can be downloaded", "")
    .option("--io-spec-hash <hex>", "sha256 of the canonical input/output spec JSON")
    .option("--bitwise", "require byte-identical outputs (integer models only)")
    .option("--min-cosine <x>", "tolerance: minimum cosine similarity", "0.9999")
    .option("--max-rel-err <x>", "tolerance: max |a-b| / max|ref|", "0.001")
    .option("--top-k <k>", "tolerance: top-k class agreement (0 = off)", "0")
    .action(async (file: string, o, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const wad = (x: string) => BigInt(Math.round(Number(x) * 1e9)) * 1_000_000_000n;
      const progress = new Progress(g.json);
      progress.start(`registering ${file}`);
      const res = await cliClient(g).registerModel({
        onnx: readFileSync(file),
        name: o.name ?? basename(file).replace(/\.onnx$/, ""),
        uri: o.uri,
        ioSpecHash: o.ioSpecHash,
        policy: { kind: o.bitwise ? "Bitwise" : "Tolerance", minCosine: wad(o.minCosine), maxRelAbsError: wad(o.maxRelErr), topK: Number(o.topK) },
      });
      progress.done(`registered ${res.modelHash}`);
      printResult(g.json, res, (r) => `model ${r.modelHash} registered (tx ${r.txHash})`);
    });
}
