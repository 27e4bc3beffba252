// Starts `hardhat node` on 127.0.0.1 as a child process and waits for its JSON-RPC.
import { createRequire } from "node:module";
import { join } from "node:path";
import { ManagedProcess } from "./ManagedProcess.js";

const require = createRequire(import.meta.url);

/** A running local chain. */
export interface Chain {
  rpcUrl: string;
  process: ManagedProcess;
}

/** Sends one JSON-RPC request. */
export async function rpc(rpcUrl: string, method: string, params: unknown[] = []): Promise<any> {
  const res = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/**
 * Spawns `hardhat node --hostname 127.0.0.1 --port <port>` with this process's Node (22) and
 * waits until `eth_chainId` answers.
 *
 * @example
 * const chain = await startChain({ port: 8545, logFile: ".veritensor/devnet/logs/chain.log" });
 */
export async function startChain(o: { port: number; logFile: string; cwd: string }): Promise<Chain> {
  const cli = join(require.resolve("hardhat/package.json").replace(/package\.json$/, ""), "dist/src/cli.js");
  const proc = ManagedProcess.start({
    name: "chain",
    command: process.execPath,
    args: [cli, "node", "--hostname", "127.0.0.1", "--port", String(o.port)],
    logFile: o.logFile,
    cwd: o.cwd,
  });
  const rpcUrl = `http://127.0.0.1:${o.port}`;
  await proc.waitUntil("JSON-RPC ready", () => rpc(rpcUrl, "eth_chainId"), 60_000);
  return { rpcUrl, process: proc };
}
