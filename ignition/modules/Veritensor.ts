// Hardhat Ignition module: the whole Veritensor deployment with its roles wired and bundled models registered.
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { id } from "ethers";
import { bundledModels } from "../../scripts/deploy/bundledModels.js";

const TOKEN = 10n ** 18n;

/**
 * Subnet parameters for a public network (12 s blocks): 1-hour epochs, 1000 VTS emission per
 * epoch, 1000 VTS minimum self-stake, 41/41/18 split. Override with the `subnetParams` parameter
 * (the devnet uses 20-block epochs).
 */
export const DEFAULT_SUBNET_PARAMS = {
  epochLength: 300n,
  commitBlocks: 150n,
  emissionPerEpoch: 1000n * TOKEN,
  minNodeStake: 1000n * TOKEN,
  minValidatorStake: 1000n * TOKEN,
  maxNodes: 256,
  maxValidators: 64,
  immunityBlocks: 7200n,
  unbondingBlocks: 50400n,
  maxTakeBps: 1800,
  takeStepBps: 100,
  takeCooldownBlocks: 7200n,
  jailBlocks: 50400n,
  kappa: 1n << 31n,
  bondsMovingAverage: 900000,
  nodesBps: 4100,
  validatorsBps: 4100,
};

/**
 * Deploys VeritensorToken, ModelRegistry, the Subnet (with its linked libraries YumaEpoch and
 * SubnetViews), AuditLog (node authority = Subnet) and Challenges; grants the token's MINTER_ROLE
 * to the Subnet (emissions) and the Subnet's SLASHER_ROLE to Challenges; registers every bundled
 * model (models/*.json) by the sha256 of its .onnx bytes.
 */
export default buildModule("Veritensor", (m) => {
  const owner = m.getAccount(0);
  const subnetParams = m.getParameter("subnetParams", DEFAULT_SUBNET_PARAMS);
  const token = m.contract("VeritensorToken", [owner]);
  const registry = m.contract("ModelRegistry", []);
  const yumaEpoch = m.library("YumaEpoch");
  const subnetViews = m.library("SubnetViews");
  const subnet = m.contract("Subnet", [token, owner, subnetParams], { libraries: { YumaEpoch: yumaEpoch, SubnetViews: subnetViews } });
  const auditLog = m.contract("AuditLog", [subnet]);
  const challenges = m.contract("Challenges", [auditLog, subnet, token, owner]);

  m.call(token, "grantRole", [id("MINTER_ROLE"), subnet], { id: "grantMinterToSubnet" });
  m.call(subnet, "grantRole", [id("SLASHER_ROLE"), challenges], { id: "grantSlasherToChallenges" });

  for (const model of bundledModels(process.cwd())) {
    m.call(registry, "registerModel", [model.modelHash, model.name, model.relPath, model.ioSpecHash, model.policy], {
      id: `register_${model.name.replace(/[^A-Za-z0-9_]/g, "_")}`,
    });
  }
  return { token, registry, subnet, auditLog, challenges };
});
