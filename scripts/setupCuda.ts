// Installs onnxruntime's CUDA execution provider libraries into onnxruntime-node's binary folder.
// usage: npm run setup:cuda [-- --from <dir with the two .so files>]
//
// onnxruntime-node 1.29.0 ships CPU-only binaries here (its own postinstall, which would download the
// CUDA 12 build from GitHub, is skipped by .npmrc). This script takes libonnxruntime_providers_cuda.so and
// libonnxruntime_providers_shared.so from the npm package com.github.asus4.onnxruntime.linux-x64-gpu@0.4.9
// (onnxruntime 1.29.0 built for CUDA 13 + cuDNN 9, MIT) and copies them next to onnxruntime_binding.node.
// The host then needs the CUDA 13 runtime, cuBLAS and cuDNN 9 on LD_LIBRARY_PATH (see ../shared/gpu/pack.sh).
// CUDA 12 hosts: instead run onnxruntime-node's own installer with internet access:
//   ONNXRUNTIME_NODE_INSTALL=cuda12 node node_modules/onnxruntime-node/script/install.js
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";

const PACKAGE = "com.github.asus4.onnxruntime.linux-x64-gpu@0.4.9";
const ORT_VERSION = "1.29.0";
const LIBS = ["libonnxruntime_providers_cuda.so", "libonnxruntime_providers_shared.so"];
const target = resolve("node_modules/onnxruntime-node/bin/napi-v6/linux/x64");

function fail(msg: string): never {
  console.error(`setup:cuda: ${msg}`);
  process.exit(1);
}

const pkg = JSON.parse(readFileSync("node_modules/onnxruntime-node/package.json", "utf8")) as { version: string };
if (pkg.version !== ORT_VERSION) fail(`onnxruntime-node is ${pkg.version}; the CUDA provider of ${PACKAGE} matches ${ORT_VERSION} only`);
if (process.platform !== "linux" || process.arch !== "x64") fail(`only linux/x64 is supported (this is ${process.platform}/${process.arch})`);
if (!existsSync(target)) fail(`${target} is missing: run npm ci first`);

const fromIdx = process.argv.indexOf("--from");
let source = fromIdx > 0 ? resolve(process.argv[fromIdx + 1]) : join(homedir(), ".cache/veritensor-gpu");
let tmp: string | undefined;
if (!LIBS.every((l) => existsSync(join(source, l)))) {
  if (fromIdx > 0) fail(`${source} does not hold ${LIBS.join(" and ")}`);
  tmp = mkdtempSync(join(tmpdir(), "vt-cuda-"));
  console.log(`fetching ${PACKAGE} from the npm registry (about 180 MB)...`);
  execFileSync("npm", ["pack", PACKAGE, "--silent"], { cwd: tmp, stdio: ["ignore", "ignore", "inherit"] });
  const tgz = readdirSync(tmp).find((f) => f.endsWith(".tgz"));
  if (!tgz) fail("npm pack produced no tarball");
  execFileSync("tar", ["xzf", tgz, "package/Plugins/Linux/x64"], { cwd: tmp, stdio: "inherit" });
  source = join(tmp, "package/Plugins/Linux/x64");
  const cache = join(homedir(), ".cache/veritensor-gpu");
  mkdirSync(cache, { recursive: true });
  for (const l of LIBS) copyFileSync(join(source, l), join(cache, l));
}
for (const l of LIBS) {
  if (!existsSync(join(source, l))) fail(`${l} not found in ${source}`);
  copyFileSync(join(source, l), join(target, l));
  console.log(`installed ${join(target, l)}`);
}
if (tmp) rmSync(tmp, { recursive: true, force: true });
console.log(
  "done. The node now tries the CUDA execution provider first (config executionProviders, default [\"cuda\",\"cpu\"]) and " +
    "logs one line and uses CPU if CUDA 13 / cuDNN 9 libraries are not found (put them on LD_LIBRARY_PATH).",
);
