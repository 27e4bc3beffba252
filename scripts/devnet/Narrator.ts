// Prints the devnet's narrated progress: numbered steps, elapsed time, check marks, explanations.

/**
 * Console narration for the devnet (the devnet script is a program, so it may write to stdout).
 *
 * @example
 * const n = new Narrator(); await n.step("Starting the chain", async () => startChain(...));
 */
export class Narrator {
  private readonly t0 = Date.now();
  private n = 0;

  /** `out` receives every line (default: stdout). */
  constructor(private readonly out: (text: string) => void = (text) => void process.stdout.write(text)) {}

  private stamp(): string {
    return `[${((Date.now() - this.t0) / 1000).toFixed(1).padStart(5)}s]`;
  }

  /** A section title. */
  section(title: string): void {
    this.out(`\n${this.stamp()} ── ${title} ──\n`);
  }

  /** An explanatory line under the current step. */
  say(text: string): void {
    this.out(`${" ".repeat(9)}${text}\n`);
  }

  /** Runs one step, printing its start, its result (✔) or failure (✖), and its duration. */
  async step<T>(title: string, fn: (say: (s: string) => void) => Promise<T>): Promise<T> {
    const i = ++this.n;
    const started = Date.now();
    this.out(`${this.stamp()} ${String(i).padStart(2)}. ${title} …\n`);
    try {
      const value = await fn((s) => this.say(s));
      this.out(`${this.stamp()}     ✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)}s)\n`);
      return value;
    } catch (err) {
      this.out(`${this.stamp()}     ✖ ${title}: ${(err as Error)?.message ?? err}\n`);
      throw err;
    }
  }

  /** Seconds since start. */
  elapsed(): number {
    return (Date.now() - this.t0) / 1000;
  }
}
