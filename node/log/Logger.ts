// The structured logger every daemon part receives by injection.

/** Fields of one log line (JSON-serialisable; bigints are written as strings). */
export type LogFields = Record<string, unknown>;

/** A structured logger: one JSON object per line, with `level`, `time`, `msg` and the fields. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
}
