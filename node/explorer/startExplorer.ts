// The explorer dashboard: a small HTTP server (127.0.0.1) with one static page and a JSON API.
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createClient } from "../../client/sdk/createClient.js";
import type { DeploymentAddresses } from "../../client/sdk/DeploymentAddresses.js";
import { SnapshotCollector } from "./SnapshotCollector.js";

/** Configuration of {@link startExplorer}. */
export interface ExplorerConfig {
  rpcUrl: string;
  addresses: DeploymentAddresses | string;
  /** Validator daemons' base URLs (their GET /stats is shown beside the nodes' own stats). */
  validatorUrls?: string[];
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Minimum ms between two chain reads (default 1000). */
  refreshMs?: number;
  /** Receives one structured record per failed request (default: none; the library stays quiet). */
  log?: (record: Record<string, unknown>) => void;
}

/** A running explorer. */
export interface Explorer {
  url: string;
  close(): Promise<void>;
}

const PUBLIC = fileURLToPath(new URL("./public/", import.meta.url));
const STATIC: Record<string, string> = {
  "/": "index.html",
  "/index.html": "index.html",
  "/app.js": "app.js",
  "/charts.js": "charts.js",
  "/style.css": "style.css",
};
const TYPES: Record<string, string> = { html: "text/html; charset=utf-8", js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8" };

/** Milliseconds between two keep-alive comments on an idle event stream (proxies drop silent connections). */
const KEEPALIVE_MS = 15_000;

/**
 * Starts the dashboard. Pages: `/`; API: `GET /api/snapshot` (everything the page shows, as JSON),
 * `GET /api/events` (server-sent events: a `snapshot` event with that JSON whenever it changes, at most every
 * `refreshMs`; a `failure` event with `{ error }` while the chain cannot be read) and `GET /api/health`.
 *
 * @example
 * const explorer = await startExplorer({ rpcUrl, addresses: ".veritensor/devnet/addresses.json" });
 * console.log("dashboard at", explorer.url);
 */
export async function startExplorer(config: ExplorerConfig): Promise<Explorer> {
  const client = createClient({ rpcUrl: config.rpcUrl, addresses: config.addresses, httpTimeoutMs: 2000 });
  const refreshMs = config.refreshMs ?? 1000;
  const collector = new SnapshotCollector(client, config.validatorUrls ?? [], refreshMs);
  const server = createServer((req, res) => {
    handle(req, res, collector, refreshMs).catch((err) => {
      const message = String(err?.shortMessage ?? err?.message ?? err);
      config.log?.({ level: "error", msg: "explorer request failed", url: req.url, error: message });
      sendJson(res, 500, { error: message });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port ?? 0, config.host ?? "127.0.0.1", () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        client.context.provider.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Routes one request. */
async function handle(req: IncomingMessage, res: ServerResponse, collector: SnapshotCollector, refreshMs: number): Promise<void> {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  if (req.method !== "GET") return sendJson(res, 405, { error: "only GET is supported" });
  if (path === "/api/health") return sendJson(res, 200, { ok: true });
  if (path === "/api/snapshot") return sendJson(res, 200, await collector.get());
  if (path === "/api/events") return streamEvents(req, res, collector, refreshMs);
  const file = STATIC[path];
  if (!file) return sendJson(res, 404, { error: `no such page: ${path}` });
  const body = await readFile(PUBLIC + file);
  res.writeHead(200, { "content-type": TYPES[file.split(".").pop()!], "cache-control": "no-store" });
  res.end(body);
}

/**
 * Streams snapshots as server-sent events until the client goes away: `snapshot` when the JSON changed, `failure`
 * when a read fails (the stream stays open and tries again), a comment every KEEPALIVE_MS otherwise.
 */
async function streamEvents(req: IncomingMessage, res: ServerResponse, collector: SnapshotCollector, refreshMs: number): Promise<void> {
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive" });
  res.write(`retry: ${Math.max(refreshMs, 1000)}\n\n`);
  let open = true;
  req.on("close", () => (open = false));
  let last = "";
  let lastWrite = Date.now();
  const send = (chunk: string) => {
    res.write(chunk);
    lastWrite = Date.now();
  };
  while (open && !res.destroyed) {
    try {
      const json = JSON.stringify(await collector.get());
      if (json !== last) {
        last = json;
        send(`event: snapshot\ndata: ${json}\n\n`);
      }
    } catch (err) {
      const error = String((err as { shortMessage?: string })?.shortMessage ?? (err as Error)?.message ?? err);
      last = "";
      send(`event: failure\ndata: ${JSON.stringify({ error })}\n\n`);
    }
    if (Date.now() - lastWrite >= KEEPALIVE_MS) send(": keepalive\n\n");
    await new Promise((r) => setTimeout(r, Math.max(refreshMs, 250)));
  }
  res.end();
}

/** Sends a JSON body. */
function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
