// Hardhat Ignition module: the whole Veritensor deployment with its roles wired and bundled models registered.
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { id, ZeroHash } from "ethers";
import { bundledModels } from "../../scripts/deploy/bundledModels.js";

/**
 * Deploys VeritensorToken, ModelRegistry, Subnet, AuditLog (authority = Subnet) and Challenges,
 * grants the token's MINTER_ROLE to the Subnet (emissions) and the Subnet's slasher role to
 * Challenges, and registers every bundled model (models/*.json) by the sha256 of its .onnx bytes.
 */
export default buildModule("Veritensor", (m) => {
  const owner = m.getAccount(0);
  const token = m.contract("VeritensorToken", [owner]);
  const registry = m.contract("ModelRegistry", []);
  const subnet = m.contract("Subnet", [token, owner]);
  const auditLog = m.contract("AuditLog", [subnet]);
  const challenges = m.contract("Challenges", [auditLog, subnet, token, owner]);

  m.call(token, "grantRole", [id("MINTER_ROLE"), subnet], { id: "grantMinterToSubnet" });
  m.call(subnet, "grantRole", [id("SLASHER_ROLE"), challenges], { id: "grantSlasherToChallenges" });

  for (const model of bundledModels(process.cwd())) {
    m.call(registry, "registerModel", [model.modelHash, model.name, model.relPath, ZeroHash, model.policy], {
      id: `register_${model.name.replace(/[^A-Za-z0-9_]/g, "_")}`,
    });
  }
  return { token, registry, subnet, auditLog, challenges };
});
