// Starts a validator daemon in this process: chain connection, own model sessions, main loop, /stats server.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Provider, Signer } from "ethers";
import { encodeJsonTensor, receiptToJson, type Address } from "../../client/index.js";
import type { Logger } from "../log/Logger.js";
import { createJsonLogger } from "../log/createJsonLogger.js";
import type { ValidatorConfig } from "./ValidatorConfig.js";
import type { ValidatorStats } from "./ValidatorStats.js";
import { ValidatorChain } from "./ValidatorChain.js";
import { ReferenceRunner } from "./ReferenceRunner.js";
import { Validator } from "./Validator.js";
import { validateValidatorConfig } from "./validateValidatorConfig.js";

/** A running validator. */
export interface RunningValidator {
  /** The validator's operator address. */
  address: Address;
  /** Base URL of the 127.0.0.1 stats/evidence server, when `statsPort` is set. */
  url?: string;
  stats(): ValidatorStats;
  /** Runs one round of duties now (tests use it to step deterministically). */
  tick(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a validator: connects to the chain with its key (or the given `signer`/`provider`, e.g. an
 * in-process Hardhat chain), loads its own onnxruntime sessions, serves GET /stats and GET /evidence/{leaf}
 * on 127.0.0.1 when `statsPort` is set, and runs its duties every `tickMs` (set `tickMs: 0` to drive it
 * with `tick()` only).
 *
 * @example
 * const v = await startValidator({ contracts, models: [{ name: "mlp", file }], privateKey, statsPort: 0 });
 * console.log(v.stats().nodes);
 * await v.close();
 */
export async function startValidator(
  config: ValidatorConfig,
  options: { provider?: Provider; signer?: Signer; logger?: Logger } = {},
): Promise<RunningValidator> {
  validateValidatorConfig(config, { keyGiven: !!options.signer });
  const log = options.logger ?? createJsonLogger({ level: config.logLevel ?? "info", base: { service: "validator" } });
  const chain = await ValidatorChain.connect({
    contracts: config.contracts,
    rpcUrl: config.rpcUrl ?? "http://127.0.0.1:8545",
    privateKey: config.privateKey,
    provider: options.provider,
    signer: options.signer,
  });
  const runner = await ReferenceRunner.load(config.models, config.executionProviders ?? ["cpu"]);
  const validator = new Validator(config, chain, runner, log.child({ validator: chain.address }));

  let server: http.Server | undefined;
  let url: string | undefined;
  if (config.statsPort !== undefined) {
    server = http.createServer((req, res) => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json", "access-control-allow-origin": "*" });
        res.end(JSON.stringify(body, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
      };
      const path = (req.url ?? "/").split("?")[0];
      if (req.method !== "GET") return send(405, { error: "only GET" });
      if (path === "/stats") return send(200, validator.stats());
      const m = /^\/evidence\/(0x[0-9a-fA-F]{64})$/.exec(path);
      if (m) {
        const ev = validator.evidence.get(m[1].toLowerCase());
        if (!ev) return send(404, { error: `no evidence for ${m[1]}` });
        return send(200, { receipt: receiptToJson(ev.receipt), inputs: ev.inputs.map((t) => encodeJsonTensor(t)), outputs: ev.outputs.map((t) => encodeJsonTensor(t)) });
      }
      send(404, { error: `unknown path ${path}` });
    });
    await new Promise<void>((resolve, reject) => {
      server!.once("error", reject);
      server!.listen(config.statsPort, "127.0.0.1", () => resolve());
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    validator.evidenceBaseUrl = url;
  }

  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tickMs = config.tickMs ?? 500;
  const loop = () => {
    if (stopped) return;
    running = validator.tick().finally(() => {
      if (!stopped && tickMs > 0) timer = setTimeout(loop, tickMs);
    });
  };
  if (tickMs > 0) loop();
  log.info("validator started", { address: chain.address, chainId: chain.chainId, models: runner.models.map((m) => m.name), url });

  return {
    address: chain.address,
    url,
    stats: () => validator.stats(),
    tick: async () => {
      await running;
      running = validator.tick();
      await running;
    },
    close: async () => {
      stopped = true;
      clearTimeout(timer);
      await running.catch(() => undefined);
      if (server) await new Promise<void>((r) => server!.close(() => r()));
      await runner.close();
      const provider = chain.provider as { destroy?: () => void };
      if (!options.provider) provider.destroy?.();
      log.info("validator stopped");
    },
  };
}
