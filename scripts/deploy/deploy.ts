// CLI: deploy Veritensor to a JSON-RPC chain with Hardhat Ignition and write the addresses JSON.
//   npx tsx scripts/deploy/deploy.ts --rpc http://127.0.0.1:8545 --out .veritensor/devnet/addresses.json
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import hre from "hardhat";
import { deployVeritensor } from "./deployVeritensor.js";

const { values } = parseArgs({
  options: {
    rpc: { type: "string", default: process.env.VERITENSOR_RPC_URL ?? "http://127.0.0.1:8545" },
    out: { type: "string", default: ".veritensor/devnet/addresses.json" },
    fresh: { type: "boolean", default: false },
  },
});
// A dev chain restarts empty: an old Ignition journal for chain 31337 would not match it.
if (values.fresh) rmSync("ignition/deployments/chain-31337", { recursive: true, force: true });
const connection = await hre.network.create({ network: "localhost", override: { url: values.rpc } });
const addresses = await deployVeritensor(connection, { outFile: values.out });
console.log(JSON.stringify(addresses));
await connection.close();
