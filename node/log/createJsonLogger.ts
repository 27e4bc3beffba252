// A Logger that writes one JSON object per line to a stream (stderr by default).
import type { Logger, LogFields } from "./Logger.js";

/** Log levels in increasing severity. */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;

/** Options of createJsonLogger. */
export interface JsonLoggerOptions {
  /** Lowest level written (default `info`); `silent` writes nothing. */
  level?: keyof typeof LEVELS;
  /** Where lines go (default process.stderr). */
  write?: (line: string) => void;
  /** Fields added to every line. */
  base?: LogFields;
}

/**
 * Creates a structured JSON-lines logger.
 *
 * @example
 * const log = createJsonLogger({ level: "info", base: { service: "node" } });
 * log.info("listening", { url });  // {"level":"info","time":"...","msg":"listening","service":"node","url":"..."}
 */
export function createJsonLogger(options: JsonLoggerOptions = {}): Logger {
  const min = LEVELS[options.level ?? "info"];
  const write = options.write ?? ((line: string) => void process.stderr.write(line + "\n"));
  const make = (base: LogFields): Logger => {
    const emit = (level: keyof typeof LEVELS, msg: string, fields?: LogFields) => {
      if (LEVELS[level] < min) return;
      const line = { level, time: new Date().toISOString(), msg, ...base, ...fields };
      write(JSON.stringify(line, (_k, v) => (typeof v === "bigint" ? v.toString() : v instanceof Error ? v.message : v)));
    };
    return {
      debug: (m, f) => emit("debug", m, f),
      info: (m, f) => emit("info", m, f),
      warn: (m, f) => emit("warn", m, f),
      error: (m, f) => emit("error", m, f),
      child: (f) => make({ ...base, ...f }),
    };
  };
  return make(options.base ?? {});
}
