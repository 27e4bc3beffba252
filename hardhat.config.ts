// Hardhat 3 configuration: offline solc (npm `solc` wasm), mocha tests, in-process EDR chain.
import { createRequire } from "node:module";
import { defineConfig } from "hardhat/config";
import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";

const require = createRequire(import.meta.url);
const solcPath = require.resolve("solc/soljson.js");
const base = { optimizer: { enabled: true, runs: 200 }, viaIR: true, evmVersion: "cancun" };
// YumaEpoch (linked library, ~14 KB) is optimised for execution: its epoch loops run ~16k times per finalisation.
const epochRuns = 1_000_000;

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers],
  solidity: {
    compilers: [{ version: "0.8.37", path: solcPath, settings: base }],
    overrides: {
      "contracts/libraries/YumaEpoch.sol": {
        version: "0.8.37",
        path: solcPath,
        settings: { ...base, optimizer: { enabled: true, runs: epochRuns } },
      },
    },
  },
  networks: {
    localhost: { type: "http", url: process.env.VERITENSOR_RPC_URL ?? "http://127.0.0.1:8545" },
  },
  test: { mocha: { timeout: 120_000 } },
});
