// A model's interface (inputs/outputs as OIP metadata shows them): the bundled manifests declare it, the node checks
// the file against it at load, and its ioSpecHash is what deployments register.
import { expect } from "chai";
import { resolve } from "node:path";
import { ioSpecHash } from "../../client/index.js";
import { loadModelConfigs } from "../../node/models/loadModelConfigs.js";
import { loadServedModel } from "../../node/models/loadServedModel.js";
import { bundledModels } from "../../scripts/deploy/bundledModels.js";
import { MLP, rejection } from "./nodeFixture.js";

describe("model interface (io, ioSpecHash)", function () {
  this.timeout(60_000);

  it("every bundled manifest declares the interface its file has; the registered ioSpecHash is that interface's", async () => {
    const configs = loadModelConfigs({ modelDir: resolve("models") });
    const bundled = new Map(bundledModels(process.cwd()).map((m) => [m.name, m]));
    expect(configs.length).to.be.at.least(4);
    for (const c of configs) {
      expect(c.io, c.name).to.not.equal(undefined);
      const m = await loadServedModel({ ...c, instances: 1, warmup: [] }, { executionProviders: ["cpu"] });
      try {
        expect(m.ioSpecHash, c.name).to.equal(ioSpecHash({ inputs: m.inputs, outputs: m.outputs }));
        expect(bundled.get(c.name)?.ioSpecHash, c.name).to.equal(m.ioSpecHash);
      } finally {
        await m.runner.close();
      }
    }
  });

  it("refuses a file whose interface is not the declared one, and a malformed declaration", async () => {
    const [c] = loadModelConfigs({
      models: [{ name: "m", file: MLP, instances: 1, io: { inputs: [{ name: "x", datatype: "FP32", shape: [-1, 8] }], outputs: [{ name: "y", datatype: "FP32", shape: [-1, 4] }] } }],
    });
    expect(await rejection(loadServedModel(c, { executionProviders: ["cpu"] }))).to.match(
      /model 'm' \(.*mlp\.onnx\) declares the interface .*"shape":\[-1,8\].* in its config "io", but the file has .*"shape":\[-1,16\]/,
    );
    expect(() => loadModelConfigs({ models: [{ name: "m", file: MLP, io: { inputs: [{ name: "x", datatype: "FLOAT", shape: [1] }], outputs: [] } as any }] })).to.throw(
      /models\[0\]: "io" must be .*datatype "FLOAT" is not a supported datatype/,
    );
    expect(() => loadModelConfigs({ models: [{ name: "m", file: MLP, io: { inputs: [] } as any }] })).to.throw(/"io" must be .*outputs must be an array/);
  });
});
