// Progress reporting for long CLI work: a spinner on a terminal, plain lines otherwise, nothing with --json.

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/**
 * Shows what the CLI is doing on stderr (stdout stays clean for results).
 *
 * @example
 * const p = new Progress(opts.json); p.start("waiting for inclusion"); ...; p.done("committed");
 */
export class Progress {
  private timer?: NodeJS.Timeout;
  private text = "";
  private frame = 0;
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(private readonly quiet = false) {}

  /** Starts (or relabels) the current step. */
  start(text: string): void {
    if (this.quiet) return;
    this.stopTimer();
    this.text = text;
    if (!this.tty) {
      process.stderr.write(`… ${text}\n`);
      return;
    }
    this.timer = setInterval(() => {
      process.stderr.write(`\r${FRAMES[this.frame++ % FRAMES.length]} ${this.text}\x1b[K`);
    }, 100);
  }

  /** Updates the label of the running step. */
  update(text: string): void {
    this.text = text;
  }

  /** Ends the step with a check mark. */
  done(text = this.text): void {
    this.finish("✔", text);
  }

  /** Ends the step with a cross. */
  fail(text = this.text): void {
    this.finish("✖", text);
  }

  private finish(mark: string, text: string): void {
    if (this.quiet) return;
    this.stopTimer();
    process.stderr.write(this.tty ? `\r${mark} ${text}\x1b[K\n` : `${mark} ${text}\n`);
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
