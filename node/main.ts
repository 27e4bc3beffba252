// CLI entry of the inference node daemon: `npx tsx node/main.ts --config node.json [flags]` (see --help).
import { Command } from "commander";
import { loadNodeConfig, NODE_ENV_VARS } from "./config/loadNodeConfig.js";
import type { NodeConfig } from "./config/NodeConfig.js";
import { startNode } from "./startNode.js";
import { createJsonLogger } from "./log/createJsonLogger.js";

const program = new Command()
  .name("veritensor-node")
  .description("Veritensor inference node: Open Inference Protocol v2 over HTTP, signed receipts, Merkle roots on-chain.")
  .option("-c, --config <file>", "JSON config file (see node/config/NodeConfig.ts)")
  .option("--host <host>", "listen address (default 127.0.0.1)")
  .option("-p, --port <port>", "listen port, 0 = any free port (default 8000)", (v) => Number(v))
  .option("--model-dir <dir>", "folder of model config files (*.json)")
  .option("--ep <list>", "execution providers in order, comma-separated (default cuda,cpu)", (v) => v.split(","))
  .option("--store <file>", "receipt store (SQLite) path")
  .option("--signing-key-file <file>", "file holding the node's hex private key (or env VERITENSOR_SIGNING_KEY)")
  .option("--rpc-url <url>", "JSON-RPC URL of the chain")
  .option("--chain-id <id>", "chain id of the receipt domain (default: read from the RPC)")
  .option("--audit-log <address>", "AuditLog contract address")
  .option("--model-registry <address>", "ModelRegistry address (models must be registered there)")
  .option("--challenges <address>", "Challenges address: answer inclusion challenges against this node's key")
  .option("--price <wei>", "price per request announced in /v2/stats")
  .option("--log-level <level>", "debug | info | warn | error | silent")
  .option("--hooks <module>", "TEST ONLY: module exporting misbehaviour hooks (node/hooks/NodeHooks.ts)")
  .addHelpText(
    "after",
    `\nEnvironment (overrides the config file; flags override both):\n${Object.entries(NODE_ENV_VARS)
      .map(([k, v]) => `  ${k.padEnd(32)} ${v}`)
      .join("\n")}\n\nThe node prints one JSON line {"msg":"listening","url":...} on stderr when it serves.`,
  );

program.parse();
const o = program.opts();
const flags: Partial<NodeConfig> = {
  host: o.host,
  port: o.port,
  modelDir: o.modelDir,
  executionProviders: o.ep,
  storePath: o.store,
  signingKeyFile: o.signingKeyFile,
  rpcUrl: o.rpcUrl,
  chainId: o.chainId,
  auditLog: o.auditLog,
  modelRegistry: o.modelRegistry,
  challenges: o.challenges,
  pricePerRequest: o.price,
  logLevel: o.logLevel,
  hooksModule: o.hooks,
};

const bootLogger = createJsonLogger({ base: { service: "veritensor-node" } });
try {
  const config = loadNodeConfig(o.config, process.env, flags);
  const node = await startNode(config);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    bootLogger.info("shutting down", { signal });
    await node.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
} catch (err) {
  bootLogger.error("node failed to start", { error: (err as Error).message });
  process.exit(1);
}
