// ModelRegistry: registration by content hash, policy validation, owner-only changes, deprecation, queries.
import { expect } from "chai";
import { network } from "hardhat";

const { ethers, networkHelpers } = await network.create();

const WAD = 10n ** 18n;
const TOLERANCE = 0;
const BITWISE = 1;
const tolerance = { kind: TOLERANCE, minCosine: (WAD * 9999n) / 10000n, maxRelAbsError: WAD / 100n, topK: 5 };
const bitwise = { kind: BITWISE, minCosine: 0n, maxRelAbsError: 0n, topK: 0 };
const MODEL = ethers.sha256(ethers.toUtf8Bytes("fake onnx bytes"));
const IO_SPEC = ethers.sha256(ethers.toUtf8Bytes('{"inputs":[],"outputs":[]}'));

async function deployRegistryFixture() {
  const [owner, modelOwner, newOwner, stranger] = await ethers.getSigners();
  const registry = await ethers.deployContract("ModelRegistry");
  await registry.connect(modelOwner).registerModel(MODEL, "resnet50", "ipfs://model", IO_SPEC, tolerance);
  return { owner, modelOwner, newOwner, stranger, registry };
}

const policyTuple = (p: typeof tolerance) => [BigInt(p.kind), BigInt(p.minCosine), BigInt(p.maxRelAbsError), BigInt(p.topK)];

describe("ModelRegistry", () => {
  describe("registerModel", () => {
    it("registers a model with its policy and emits ModelRegistered then ModelPolicyUpdated", async () => {
      const { registry, stranger } = await networkHelpers.loadFixture(deployRegistryFixture);
      const hash = ethers.id("int8 model");
      await expect(registry.connect(stranger).registerModel(hash, "mnist-int8", "", IO_SPEC, bitwise))
        .to.emit(registry, "ModelRegistered")
        .withArgs(hash, stranger.address, "mnist-int8", "", IO_SPEC)
        .and.to.emit(registry, "ModelPolicyUpdated")
        .withArgs(hash, policyTuple(bitwise));
      const ts = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
      const m = await registry.getModel(hash);
      expect([m.modelHash, m.owner, m.name, m.uri, m.ioSpecHash, m.registeredAt, m.deprecated]).to.deep.equal([
        hash,
        stranger.address,
        "mnist-int8",
        "",
        IO_SPEC,
        ts,
        false,
      ]);
      expect(policyTuple(m.policy as never)).to.deep.equal(policyTuple(bitwise));
      expect(await registry.isRegistered(hash)).to.equal(true);
      expect(await registry.isActive(hash)).to.equal(true);
      expect(await registry.modelCount()).to.equal(2n);
    });

    it("rejects a zero hash, an empty name and a duplicate", async () => {
      const { registry, stranger } = await networkHelpers.loadFixture(deployRegistryFixture);
      await expect(
        registry.registerModel(ethers.ZeroHash, "x", "", IO_SPEC, tolerance),
      ).to.be.revertedWithCustomError(registry, "ModelRegistryZeroHash");
      await expect(registry.registerModel(ethers.id("m"), "", "", IO_SPEC, tolerance)).to.be.revertedWithCustomError(
        registry,
        "ModelRegistryEmptyName",
      );
      await expect(registry.connect(stranger).registerModel(MODEL, "again", "", IO_SPEC, tolerance))
        .to.be.revertedWithCustomError(registry, "ModelRegistryDuplicateModel")
        .withArgs(MODEL);
    });

    const invalid: [string, typeof tolerance][] = [
      ["minCosine above 1e18", { ...tolerance, minCosine: WAD + 1n }],
      ["maxRelAbsError above 1e18", { ...tolerance, maxRelAbsError: WAD + 1n }],
      ["no constraint at all", { kind: TOLERANCE, minCosine: 0n, maxRelAbsError: WAD, topK: 0 }],
      ["bitwise with a cosine", { ...bitwise, minCosine: 1n }],
      ["bitwise with an error bound", { ...bitwise, maxRelAbsError: 1n }],
      ["bitwise with top-k", { ...bitwise, topK: 1 }],
    ];
    for (const [name, policy] of invalid) {
      it(`rejects an invalid policy: ${name}`, async () => {
        const { registry } = await networkHelpers.loadFixture(deployRegistryFixture);
        await expect(registry.registerModel(ethers.id(name), "m", "", IO_SPEC, policy)).to.be.revertedWithCustomError(
          registry,
          "ModelRegistryInvalidPolicy",
        );
      });
    }

    it("accepts boundary tolerance policies", async () => {
      const { registry } = await networkHelpers.loadFixture(deployRegistryFixture);
      const ok = [
        { kind: TOLERANCE, minCosine: WAD, maxRelAbsError: WAD, topK: 0 },
        { kind: TOLERANCE, minCosine: 0n, maxRelAbsError: 0n, topK: 0 },
        { kind: TOLERANCE, minCosine: 0n, maxRelAbsError: WAD, topK: 1 },
      ];
      for (const [i, p] of ok.entries()) await registry.registerModel(ethers.id(`ok${i}`), "m", "", IO_SPEC, p);
      expect(await registry.modelCount()).to.equal(4n);
    });
  });

  describe("owner operations", () => {
    it("updates the policy (owner only)", async () => {
      const { registry, modelOwner, stranger } = await networkHelpers.loadFixture(deployRegistryFixture);
      const next = { ...tolerance, minCosine: WAD - 1n, topK: 0 };
      await expect(registry.connect(modelOwner).updatePolicy(MODEL, next))
        .to.emit(registry, "ModelPolicyUpdated")
        .withArgs(MODEL, policyTuple(next));
      expect(policyTuple((await registry.policyOf(MODEL)) as never)).to.deep.equal(policyTuple(next));
      await expect(registry.connect(stranger).updatePolicy(MODEL, next))
        .to.be.revertedWithCustomError(registry, "ModelRegistryNotModelOwner")
        .withArgs(MODEL, stranger.address);
      await expect(registry.connect(modelOwner).updatePolicy(MODEL, { ...next, minCosine: WAD + 1n })).to.be.revertedWithCustomError(
        registry,
        "ModelRegistryInvalidPolicy",
      );
    });

    it("transfers ownership (owner only, never to zero)", async () => {
      const { registry, modelOwner, newOwner, stranger } = await networkHelpers.loadFixture(deployRegistryFixture);
      await expect(registry.connect(stranger).transferModelOwnership(MODEL, stranger.address))
        .to.be.revertedWithCustomError(registry, "ModelRegistryNotModelOwner")
        .withArgs(MODEL, stranger.address);
      await expect(registry.connect(modelOwner).transferModelOwnership(MODEL, ethers.ZeroAddress)).to.be.revertedWithCustomError(
        registry,
        "ModelRegistryZeroOwner",
      );
      await expect(registry.connect(modelOwner).transferModelOwnership(MODEL, newOwner.address))
        .to.emit(registry, "ModelOwnershipTransferred")
        .withArgs(MODEL, modelOwner.address, newOwner.address);
      expect((await registry.getModel(MODEL)).owner).to.equal(newOwner.address);
      await expect(registry.connect(modelOwner).deprecateModel(MODEL))
        .to.be.revertedWithCustomError(registry, "ModelRegistryNotModelOwner")
        .withArgs(MODEL, modelOwner.address);
      await registry.connect(newOwner).deprecateModel(MODEL);
    });

    it("deprecates once, then freezes the model", async () => {
      const { registry, modelOwner, newOwner, stranger } = await networkHelpers.loadFixture(deployRegistryFixture);
      await expect(registry.connect(stranger).deprecateModel(MODEL))
        .to.be.revertedWithCustomError(registry, "ModelRegistryNotModelOwner")
        .withArgs(MODEL, stranger.address);
      await expect(registry.connect(modelOwner).deprecateModel(MODEL)).to.emit(registry, "ModelDeprecated").withArgs(MODEL);
      expect(await registry.isActive(MODEL)).to.equal(false);
      expect(await registry.isRegistered(MODEL)).to.equal(true);
      expect((await registry.getModel(MODEL)).deprecated).to.equal(true);
      for (const tx of [
        registry.connect(modelOwner).deprecateModel(MODEL),
        registry.connect(modelOwner).updatePolicy(MODEL, tolerance),
        registry.connect(modelOwner).transferModelOwnership(MODEL, newOwner.address),
      ]) {
        await expect(tx).to.be.revertedWithCustomError(registry, "ModelRegistryAlreadyDeprecated").withArgs(MODEL);
      }
    });

    it("reverts every per-model function on an unknown model", async () => {
      const { registry, modelOwner } = await networkHelpers.loadFixture(deployRegistryFixture);
      const unknown = ethers.id("unknown");
      for (const call of [
        registry.getModel(unknown),
        registry.policyOf(unknown),
        registry.connect(modelOwner).updatePolicy(unknown, tolerance),
        registry.connect(modelOwner).deprecateModel(unknown),
        registry.connect(modelOwner).transferModelOwnership(unknown, modelOwner.address),
      ]) {
        await expect(call).to.be.revertedWithCustomError(registry, "ModelRegistryUnknownModel").withArgs(unknown);
      }
      expect(await registry.isRegistered(unknown)).to.equal(false);
      expect(await registry.isActive(unknown)).to.equal(false);
    });
  });

  describe("listModels", () => {
    it("pages through hashes in registration order, clamped", async () => {
      const { registry } = await networkHelpers.loadFixture(deployRegistryFixture);
      const more = [ethers.id("b"), ethers.id("c"), ethers.id("d")];
      for (const h of more) await registry.registerModel(h, "m", "", IO_SPEC, tolerance);
      const all = [MODEL, ...more];
      expect(await registry.listModels(0, 100)).to.deep.equal(all);
      expect(await registry.listModels(1, 2)).to.deep.equal(all.slice(1, 3));
      expect(await registry.listModels(3, 5)).to.deep.equal(all.slice(3));
      expect(await registry.listModels(4, 1)).to.deep.equal([]);
      expect(await registry.listModels(0, 0)).to.deep.equal([]);
      expect(await registry.listModels(2n ** 256n - 1n, 2n ** 256n - 1n)).to.deep.equal([]);
      expect(await registry.listModels(1, 2n ** 256n - 1n)).to.deep.equal(all.slice(1));
    });
  });
});
