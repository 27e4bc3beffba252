// A child process of the devnet: output to a log file, readiness checks, clean termination.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { dirname } from "node:path";

/** Options of {@link ManagedProcess.start}. */
export interface ManagedProcessOptions {
  name: string;
  command: string;
  args: string[];
  /** Output of the child (stdout + stderr) goes here. */
  logFile: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** A spawned child with its log; `stop()` sends SIGTERM then SIGKILL after a grace period. */
export class ManagedProcess {
  readonly name: string;
  readonly logFile: string;
  private readonly child: ChildProcess;
  private readonly log: WriteStream;
  private tail = "";
  private exited?: { code: number | null; signal: NodeJS.Signals | null };
  private readonly exitPromise: Promise<void>;

  private constructor(o: ManagedProcessOptions) {
    this.name = o.name;
    this.logFile = o.logFile;
    mkdirSync(dirname(o.logFile), { recursive: true });
    this.log = createWriteStream(o.logFile, { flags: "a" });
    this.child = spawn(o.command, o.args, { cwd: o.cwd, env: { ...process.env, ...o.env }, stdio: ["ignore", "pipe", "pipe"] });
    const onData = (chunk: Buffer) => {
      this.log.write(chunk);
      this.tail = (this.tail + chunk.toString("utf8")).slice(-8000);
    };
    this.child.stdout!.on("data", onData);
    this.child.stderr!.on("data", onData);
    this.exitPromise = new Promise((resolve) => {
      this.child.on("exit", (code, signal) => {
        this.exited = { code, signal };
        this.log.end();
        resolve();
      });
      this.child.on("error", (err) => {
        this.tail += `\nspawn error: ${err.message}`;
        this.exited ??= { code: -1, signal: null };
        resolve();
      });
    });
  }

  /**
   * Spawns the child.
   *
   * @example
   * const p = ManagedProcess.start({ name: "chain", command: process.execPath, args: [...], logFile: "x.log" });
   */
  static start(o: ManagedProcessOptions): ManagedProcess {
    return new ManagedProcess(o);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Exit code once exited (null when killed by a signal, undefined while running). */
  get exitCode(): number | null | undefined {
    return this.exited?.code;
  }

  get running(): boolean {
    return this.exited === undefined;
  }

  /** Last lines of output (for error messages). */
  lastOutput(lines = 15): string {
    return this.tail.split("\n").slice(-lines).join("\n");
  }

  /** Polls `check` until it returns a value (or throws after `timeoutMs`, or if the child died). */
  async waitUntil<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number, everyMs = 200): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) throw new Error(`${this.name} exited (${this.exited?.code ?? this.exited?.signal}) before ${what}. Last output (${this.logFile}):\n${this.lastOutput()}`);
      const v = await check().catch(() => undefined);
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error(`${this.name}: ${what} not reached within ${timeoutMs} ms. Last output (${this.logFile}):\n${this.lastOutput()}`);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }

  /** Waits until `url` answers 2xx. */
  waitForHttp(url: string, timeoutMs: number): Promise<true> {
    return this.waitUntil(`${url} ready`, async () => ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok ? true : undefined), timeoutMs);
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
  async stop(graceMs = 4000): Promise<void> {
    if (!this.running) return;
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), graceMs);
    await this.exitPromise;
    clearTimeout(timer);
  }

  /** Resolves when the child exits by itself. */
  whenExited(): Promise<void> {
    return this.exitPromise;
  }
}
