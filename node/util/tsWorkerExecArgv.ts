// execArgv for worker threads whose TypeScript entry imports project modules (`./x.js` specifiers).

/**
 * The parent's execArgv plus tsx's loader when the parent was not itself started through tsx (e.g. under
 * `hardhat test`, whose TypeScript loader does not reach worker threads).
 *
 * @example
 * new Worker(new URL("./storeWriterWorker.ts", import.meta.url), { execArgv: tsWorkerExecArgv() });
 */
export function tsWorkerExecArgv(): string[] {
  const argv = process.execArgv;
  if (argv.some((a) => a.includes("tsx"))) return argv;
  return [...argv, "--import", import.meta.resolve("tsx")];
}
