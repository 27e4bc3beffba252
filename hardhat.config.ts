// Hardhat 3 configuration: offline solc (npm `solc` wasm), mocha tests, in-process EDR chain.
import { createRequire } from "node:module";
import { defineConfig } from "hardhat/config";
import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";

const require = createRequire(import.meta.url);

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers],
  solidity: {
    version: "0.8.37",
    path: require.resolve("solc/soljson.js"),
    settings: { optimizer: { enabled: true, runs: 200 }, viaIR: true, evmVersion: "cancun" },
  },
  networks: {
    localhost: { type: "http", url: process.env.VERITENSOR_RPC_URL ?? "http://127.0.0.1:8545" },
  },
  test: { mocha: { timeout: 120_000 } },
});
