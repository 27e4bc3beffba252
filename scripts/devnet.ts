// `npm start`: a local Veritensor network with the whole loop, narrated. `npm start -- --exit` runs the demo once.
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { runDevnet } from "./devnet/runDevnet.js";

const { values } = parseArgs({
  options: { exit: { type: "boolean", default: false }, port: { type: "string" }, "state-dir": { type: "string" } },
});
const root = fileURLToPath(new URL("../", import.meta.url));
const { ok, result } = await runDevnet({
  root,
  exit: values.exit,
  port: values.port ? Number(values.port) : undefined,
  stateDir: values["state-dir"],
});
// The last line is one JSON object with a boolean per step.
process.stdout.write(JSON.stringify(result) + "\n");
process.exit(ok ? 0 : 1);
