#!/usr/bin/env node
// `veritensor` entry: runs the TypeScript CLI (client/cli/main.ts) with the project's Node 22 and tsx.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const node22 = join(root, "node_modules", ".bin", "node");
const loader = pathToFileURL(join(root, "node_modules", "tsx", "dist", "loader.mjs")).href;
const child = spawn(existsSync(node22) ? node22 : process.execPath, ["--import", loader, join(root, "client", "cli", "main.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + 1 : 1)));
