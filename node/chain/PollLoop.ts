// The start / stop / poke lifecycle of the node's background chain loops (the committer, the inclusion responder).

/**
 * A background loop that sleeps between rounds and can be woken early. A subclass implements `run()`: it loops
 * while `running` and sleeps with `idle(ms)`. `stop()` clears `running`, ends the current sleep and waits for
 * `run()` to return; `poke()` only ends the current sleep.
 *
 * @example
 * class Watcher extends PollLoop {
 *   protected async run(): Promise<void> {
 *     while (this.running) { await look(); await this.idle(1000); }
 *   }
 * }
 */
export abstract class PollLoop {
  /** True from `start()` until `stop()`. */
  protected running = false;
  /** The promise of `run()` while started. */
  protected loop?: Promise<void>;
  private wake?: () => void;

  /** Starts the loop (no-op when it already runs). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the current round and resolves once the loop has returned. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Asks the loop to look for work now instead of at the end of its sleep. */
  poke(): void {
    this.wake?.();
  }

  /** The loop body; runs until `running` is false. */
  protected abstract run(): Promise<void>;

  /** Sleeps `ms`, or less when `poke()` or `stop()` comes first. */
  protected idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }
}
