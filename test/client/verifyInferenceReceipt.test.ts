// The SDK's receipt check: signer, model hash, input digest, output digest.
import { expect } from "chai";
import { Wallet } from "ethers";
import { createReceiptSigner, ioDigest, type Hex, type Tensor } from "../../client/index.js";
import { ReceiptFieldMismatchError } from "../../client/sdk/errors/ReceiptFieldMismatchError.js";
import { ReceiptSignatureMismatchError } from "../../client/sdk/errors/ReceiptSignatureMismatchError.js";
import { verifyInferenceReceipt } from "../../client/sdk/verifyInferenceReceipt.js";

const domain = { chainId: 31337n, verifyingContract: "0x5FbDB2315678afecb367f032d93F642f64180aa3" as Hex };
const modelHash = ("0x" + "ab".repeat(32)) as Hex;
const inputs: Tensor[] = [{ name: "x", datatype: "FP32", shape: [1, 2], data: new Float32Array([1, 2]) }];
const outputs: Tensor[] = [{ name: "y", datatype: "FP32", shape: [1, 1], data: new Float32Array([0.5]) }];

describe("client/sdk verifyInferenceReceipt", () => {
  const key = Wallet.createRandom();
  const signer = createReceiptSigner({ privateKey: key.privateKey as Hex, domain });
  const receipt = signer.sign({
    requestId: ("0x" + "01".repeat(32)) as Hex,
    modelHash,
    inputDigest: ioDigest(inputs),
    outputDigest: ioDigest(outputs),
    seq: 1n,
    timestamp: 1_700_000_000n,
  });
  const base = { receipt, domain, expectedSigner: signer.address, modelHash, inputs, outputs };

  it("accepts an honest receipt and returns the digests", () => {
    expect(verifyInferenceReceipt(base)).to.deep.equal({ inputDigest: ioDigest(inputs), outputDigest: ioDigest(outputs) });
  });
  it("rejects a receipt signed by another key than the registered one", () => {
    expect(() => verifyInferenceReceipt({ ...base, expectedSigner: Wallet.createRandom().address })).to.throw(ReceiptSignatureMismatchError);
  });
  it("rejects another model hash", () => {
    expect(() => verifyInferenceReceipt({ ...base, modelHash: ("0x" + "cd".repeat(32)) as Hex })).to.throw(ReceiptFieldMismatchError, /modelHash/);
  });
  it("rejects a receipt over other inputs", () => {
    const other = [{ ...inputs[0], data: new Float32Array([1, 3]) }];
    expect(() => verifyInferenceReceipt({ ...base, inputs: other })).to.throw(ReceiptFieldMismatchError, /inputDigest/);
  });
  it("rejects altered outputs", () => {
    const other = [{ ...outputs[0], data: new Float32Array([0.25]) }];
    expect(() => verifyInferenceReceipt({ ...base, outputs: other })).to.throw(ReceiptFieldMismatchError, /outputDigest/);
  });
  it("rejects a receipt whose signature was made under another domain", () => {
    const otherDomain = { ...domain, chainId: 1n };
    expect(() => verifyInferenceReceipt({ ...base, domain: otherDomain })).to.throw(ReceiptSignatureMismatchError);
  });
});
