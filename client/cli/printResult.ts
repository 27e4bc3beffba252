// Prints a command's result: JSON with --json, else a human-readable rendering.
import { toJsonSafe } from "../sdk/internal/toJsonSafe.js";

/**
 * Writes `value` to stdout as one JSON line when `json`, else `human(value)` (or pretty JSON).
 *
 * @example
 * printResult(opts.json, positions, (p) => p.map((x) => `${x.operator} ${x.shares}`).join("\n"));
 */
export function printResult<T>(json: boolean | undefined, value: T, human?: (v: T) => string): void {
  if (json || !human) process.stdout.write(JSON.stringify(toJsonSafe(value), null, json ? undefined : 2) + "\n");
  else process.stdout.write(human(value) + "\n");
}
