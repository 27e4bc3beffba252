// Crash safety: kill -9 the node daemon under load (with the RPC down for a while); after restart every receipt a client got is stored and committed, seq gap-free.
import { expect } from "chai";
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { ContractFactory, JsonRpcProvider, Wallet, Contract, parseEther, NonceManager } from "ethers";
import { receiptFromJson, type SignedReceipt } from "../../client/index.js";
import { expectContiguousBatches, randomFloats } from "./nodeFixture.js";

const HARDHAT_KEY0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** Spawns a child and resolves with the first output line matching `ready`. */
function spawnUntil(cmd: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs: number): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`${args.join(" ")} not ready after ${timeoutMs} ms:\n${out.slice(-2000)}`)), timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, match: m });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}:\n${out.slice(-2000)}`)));
  });
}

/** A JSON-RPC forwarder that can be switched off (answers 503) to simulate an RPC outage. */
function rpcProxy(target: string): { server: Server; setDown: (down: boolean) => void } {
  let down = false;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (down) {
      res.writeHead(503).end("rpc down");
      return;
    }
    try {
      const r = await fetch(target, { method: "POST", headers: { "content-type": "application/json" }, body: Buffer.concat(chunks) });
      res.writeHead(r.status, { "content-type": "application/json" }).end(Buffer.from(await r.arrayBuffer()));
    } catch {
      res.writeHead(502).end("upstream error");
    }
  });
  return { server, setDown: (d) => (down = d) };
}

function artifact(name: string): { abi: unknown[]; bytecode: string } {
  return JSON.parse(readFileSync(`artifacts/contracts/${name}.sol/${name}.json`, "utf8"));
}

describe("node crash safety (kill -9)", function () {
  this.timeout(120_000);
  const children: ChildProcess[] = [];
  let proxy: ReturnType<typeof rpcProxy> | undefined;
  let dir: string;

  after(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    if (proxy) await new Promise((r) => proxy!.server.close(r));
    proxy?.server.closeAllConnections();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps every receipt a client received across a kill -9 and commits them all, gap-free", async () => {
    dir = mkdtempSync(join(tmpdir(), "vt-crash-"));
    const chainPort = await freePort();
    const hardhat = await spawnUntil(process.execPath, [realpathSync("node_modules/.bin/hardhat"), "node", "--hostname", "127.0.0.1", "--port", String(chainPort)], {}, /Started HTTP and WebSocket JSON-RPC server/, 60_000);
    children.push(hardhat.child);
    const chainUrl = `http://127.0.0.1:${chainPort}`;
    const provider = new JsonRpcProvider(chainUrl, undefined, { staticNetwork: true, cacheTimeout: -1 });
    const owner = new NonceManager(new Wallet(HARDHAT_KEY0, provider));
    const deploy = async (name: string, args: unknown[]) => {
      const a = artifact(name);
      const c = await new ContractFactory(a.abi as never, a.bytecode, owner).deploy(...args);
      await c.waitForDeployment();
      return c as unknown as Contract;
    };
    const authority = await deploy("OwnedNodeAuthority", [await owner.getAddress()]);
    const audit = await deploy("AuditLog", [await authority.getAddress()]);
    const nodeKey = Wallet.createRandom().privateKey;
    const nodeAddress = new Wallet(nodeKey).address;
    await (await authority.authorizeSigner(nodeAddress)).wait();
    await (await owner.sendTransaction({ to: nodeAddress, value: parseEther("10") })).wait();

    proxy = rpcProxy(chainUrl);
    const proxyPort = await freePort();
    await new Promise<void>((r) => proxy!.server.listen(proxyPort, "127.0.0.1", () => r()));
    const nodePort = await freePort();
    const configPath = join(dir, "node.json");
    writeFileSync(
      configPath,
      JSON.stringify({
        port: nodePort,
        models: [{ name: "mlp", file: realpathSync("models/mlp/mlp.onnx"), maxBatchSize: 32, maxQueueDelayUs: 500, instances: 1 }],
        executionProviders: ["cpu"],
        rpcUrl: `http://127.0.0.1:${proxyPort}`,
        chainId: 31337,
        auditLog: await audit.getAddress(),
        storePath: "receipts.sqlite",
        commit: { maxBatchSize: 64, maxBatchAgeMs: 100, pollMs: 20, backoffMs: 50, maxBackoffMs: 200 },
        logLevel: "info",
      }),
    );
    const startDaemon = async () => {
      const d = await spawnUntil(process.execPath, ["--import", "tsx", "node/main.ts", "--config", configPath], { VERITENSOR_SIGNING_KEY: nodeKey }, /"msg":"listening".*?"url":"([^"]+)"/, 60_000);
      children.push(d.child);
      return { child: d.child, url: d.match[1] };
    };

    let daemon = await startDaemon();
    const received: SignedReceipt[] = [];
    let stop = false;
    let n = 0;
    const client = async () => {
      while (!stop) {
        const i = n++;
        try {
          const res = await fetch(`${daemon.url}/v2/models/mlp/infer`, {
            method: "POST",
            body: JSON.stringify({ id: `load-${i}`, inputs: [{ name: "x", datatype: "FP32", shape: [1, 16], data: Array.from(randomFloats(16, i + 1)) }] }),
          });
          if (res.status === 200) received.push(receiptFromJson(((await res.json()) as any).parameters.receipt));
        } catch {
          await new Promise((r) => setTimeout(r, 5)); // killed: connection refused
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, client));
    await new Promise((r) => setTimeout(r, 600));
    proxy.setDown(true); // RPC outage: serving must go on
    await new Promise((r) => setTimeout(r, 600));
    const beforeKill = received.length;
    daemon.child.kill("SIGKILL");
    await new Promise((r) => daemon.child.once("exit", r));
    stop = true;
    await load;
    expect(beforeKill).to.be.greaterThan(20);
    // the outage left receipts that clients hold but the chain does not have yet
    const maxBeforeKill = received.reduce((m, r) => (r.seq > m ? r.seq : m), 0n);
    expect(BigInt(await audit.nextSeq(nodeAddress))).to.be.at.most(maxBeforeKill);

    proxy.setDown(false);
    daemon = await startDaemon();
    // a few more after the restart
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${daemon.url}/v2/models/mlp/infer`, { method: "POST", body: JSON.stringify({ inputs: [{ name: "x", datatype: "FP32", shape: [1, 16], data: new Array(16).fill(i) }] }) });
      expect(res.status).to.equal(200);
      received.push(receiptFromJson(((await res.json()) as any).parameters.receipt));
    }
    const maxSeq = received.reduce((m, r) => (r.seq > m ? r.seq : m), 0n);
    const deadline = Date.now() + 30_000;
    while (BigInt(await audit.nextSeq(nodeAddress)) <= maxSeq && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(BigInt(await audit.nextSeq(nodeAddress))).to.be.greaterThan(maxSeq);

    for (const r of received) {
      const body = (await (await fetch(`${daemon.url}/v2/receipts/${r.requestId}`)).json()) as any;
      expect(body.receipt?.signature, `receipt seq ${r.seq} lost`).to.equal(r.signature);
      expect(body.status).to.equal("committed");
    }
    const db = new DatabaseSync(join(dir, "receipts.sqlite"), { readOnly: true });
    const row = db.prepare("SELECT COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi FROM receipts").get() as { n: number; lo: number; hi: number };
    db.close();
    expect(row.lo).to.equal(1);
    expect(row.n).to.equal(row.hi); // no gap
    await expectContiguousBatches(audit, nodeAddress);
    const stats = await (await fetch(`${daemon.url}/metrics`)).text();
    expect(stats).to.match(/veritensor_receipts_committed \d+/);
    daemon.child.kill("SIGTERM");
    await new Promise((r) => daemon.child.once("exit", r));
    provider.destroy();
  });
});
