// Validator configuration: file + deployment + env + flags precedence, key handling, clear errors, the CLI's --help.
import { expect } from "chai";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { execFileSync } from "node:child_process";
import { loadValidatorConfig } from "../../node/validator/loadValidatorConfig.js";
import { validateValidatorConfig } from "../../node/validator/validateValidatorConfig.js";
import { scoresToWeights } from "../../node/validator/scoresToWeights.js";
import { NodeRecord } from "../../node/validator/NodeRecord.js";

const A = (n: number) => `0x${n.toString(16).padStart(40, "0")}`;
const KEY = `0x${"ab".repeat(32)}`;

describe("validator config", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "vt-vcfg-"));
    writeFileSync(join(dir, "key"), `${KEY}\n`);
    writeFileSync(
      join(dir, "v.json"),
      JSON.stringify({ contracts: { subnet: A(1), auditLog: A(2), modelRegistry: A(3), challenges: A(4) }, models: [{ name: "mlp", file: "m/mlp.onnx" }], privateKeyFile: "key", sampleRate: 0.1, statsPort: 9000 }),
    );
    writeFileSync(
      join(dir, "deployment.json"),
      JSON.stringify({ chainId: 31337, startBlock: 1, contracts: { VeritensorToken: A(9), ModelRegistry: A(13), AuditLog: A(12), Subnet: A(11), Challenges: A(14) }, models: [{ name: "mlp", modelHash: "0x00", path: "models/mlp/mlp.onnx" }] }),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("reads the file (paths relative to it), then env, then flags", () => {
    const c = loadValidatorConfig({ config: join(dir, "v.json"), statsPort: "9100" }, { VERITENSOR_VALIDATOR_SAMPLE_RATE: "0.3", VERITENSOR_RPC_URL: "http://127.0.0.1:9999" });
    expect(c.models[0].file).to.equal(join(dir, "m/mlp.onnx"));
    expect(c.privateKey).to.equal(KEY);
    expect(c.statsPort).to.equal(9100);
    expect(c.sampleRate).to.equal(0.3);
    expect(c.rpcUrl).to.equal("http://127.0.0.1:9999");
    expect(c).to.not.have.property("privateKeyFile");
    expect(loadValidatorConfig({ config: join(dir, "v.json") }, { VERITENSOR_VALIDATOR_KEY: `0x${"cd".repeat(32)}` }).privateKey).to.equal(`0x${"cd".repeat(32)}`);
  });

  it("takes contracts and models from a deployment file", () => {
    const c = loadValidatorConfig({ deployment: join(dir, "deployment.json") }, { VERITENSOR_VALIDATOR_KEY: KEY });
    expect(c.contracts).to.deep.equal({ subnet: A(11), auditLog: A(12), modelRegistry: A(13), challenges: A(14) });
    expect(c.models).to.deep.equal([{ name: "mlp", file: resolve("models/mlp/mlp.onnx") }]);
    validateValidatorConfig(c, { keyGiven: false });
  });

  it("names the wrong key and never prints the private key", () => {
    const good = loadValidatorConfig({ config: join(dir, "v.json") }, {});
    const bad = (over: object) => () => validateValidatorConfig({ ...good, ...over } as never, { keyGiven: false });
    expect(bad({ contracts: { ...good.contracts, subnet: "nope" } })).to.throw(/contracts\.subnet/);
    expect(bad({ models: [] })).to.throw(/models/);
    expect(bad({ sampleRate: 2 })).to.throw(/sampleRate/);
    expect(bad({ statsPort: 70000 })).to.throw(/statsPort/);
    expect(bad({ privateKey: undefined })).to.throw(/no key/);
    try {
      bad({ privateKey: `${KEY}zz` })();
      expect.fail("should throw");
    } catch (e) {
      expect((e as Error).message).to.match(/private key must be/);
      expect((e as Error).message).to.not.include("abab");
    }
    expect(() => loadValidatorConfig({ config: join(dir, "missing.json") }, {})).to.throw(/cannot read validator config/);
    expect(() => loadValidatorConfig({ config: join(dir, "v.json"), sampleRate: "lots" }, {})).to.throw(/--sample-rate/);
  });

  it("main.ts --help documents the flags and env", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "node/validator/main.ts", "--help"], { encoding: "utf8" });
    for (const s of ["--config", "--deployment", "--private-key-file", "--stats-port", "VERITENSOR_VALIDATOR_KEY"]) expect(out).to.include(s);
  });
});

describe("validator scoring", () => {
  it("max-normalises scores into u16 weights sorted by uid", () => {
    expect(scoresToWeights([{ uid: 2, score: 0.5 }, { uid: 0, score: 1 }, { uid: 1, score: NaN }])).to.deep.equal({ uids: [0, 1, 2], weights: [65535, 0, 32768] });
    expect(scoresToWeights([])).to.deep.equal({ uids: [], weights: [] });
  });
  it("scores availability, acceptance and latency, and zeroes a node with a fault", () => {
    const r = new NodeRecord({ uid: "0", signer: A(1) as `0x${string}`, operator: A(2) as `0x${string}`, endpoint: "http://x" });
    expect(r.score()).to.equal(1);
    r.probe(100);
    r.probe(undefined);
    r.check(true);
    r.check(false);
    const s = r.summary();
    expect(s.availability).to.equal(0.5);
    expect(s.acceptance).to.equal(0.5);
    expect(s.waitMs.p50).to.equal(100);
    expect(Math.abs(r.score() - 0.5 * 0.5 ** 4 * (1 / 1.1)) < 1e-12).to.equal(true);
    r.fault({ kind: "wrongOutput", detail: "x", at: 0 });
    expect(r.score()).to.equal(0);
  });
});
