// The models shipped with the project (models/*.json manifests): name, file, sha256, policy.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { ioSpecHash } from "../../client/index.js";

/** A bundled model ready to register. */
export interface BundledModel {
  name: string;
  /** Absolute path of the .onnx file. */
  file: string;
  /** Path relative to the project root (stored as the registry URI). */
  relPath: string;
  modelHash: `0x${string}`;
  /** sha256 of the manifest's declared interface (`io`), registered as the entry's ioSpecHash. */
  ioSpecHash: `0x${string}`;
  policy: { kind: 0 | 1; minCosine: bigint; maxRelAbsError: bigint; topK: number };
}

const WAD = 10n ** 18n;
/** A decimal fraction (e.g. 0.9999) as WAD, exact to 1e-12. */
const wad = (x: number) => (BigInt(Math.round(x * 1e12)) * WAD) / 10n ** 12n;

/**
 * Reads `models/*.json` (each `{ name, file, io, policy }`, `file` relative to models/), hashes each
 * .onnx file with sha256, the content address the ModelRegistry uses, and its declared interface `io` (the node
 * checks the file against it at load) with `ioSpecHash`.
 *
 * @example
 * for (const m of bundledModels(process.cwd())) console.log(m.name, m.modelHash);
 */
export function bundledModels(root: string): BundledModel[] {
  const dir = join(root, "models");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const manifest = JSON.parse(readFileSync(join(dir, f), "utf8"));
      const file = resolve(dir, manifest.file);
      if (!existsSync(file)) throw new Error(`models/${f} points at ${manifest.file}, which does not exist (run npm ci)`);
      if (!manifest.io) throw new Error(`models/${f} has no "io" (the model's inputs and outputs, as GET /v2/models/{name} shows them): add it`);
      const p = manifest.policy ?? {};
      return {
        name: String(manifest.name),
        file,
        relPath: relative(root, file),
        modelHash: `0x${createHash("sha256").update(readFileSync(file)).digest("hex")}` as const,
        ioSpecHash: ioSpecHash(manifest.io),
        policy: {
          kind: p.kind === "bitwise" ? 1 : 0,
          minCosine: p.kind === "bitwise" ? 0n : wad(p.minCosine ?? 0.9999),
          maxRelAbsError: p.kind === "bitwise" ? 0n : wad(p.maxRelAbsError ?? 0.001),
          topK: Number(p.topK ?? 0),
        },
      };
    });
}
