// Refuses a model whose content hash is not an active ModelRegistry entry, or whose interface is not the registered
// one; returns the registered policy.
import { Contract, type ContractRunner } from "ethers";
import type { Hex } from "../../client/index.js";
import { modelRegistryAbi } from "../chain/modelRegistryAbi.js";
import type { VerificationPolicy } from "./VerificationPolicy.js";

const WAD = 1e18;

/**
 * Looks `modelHash` up in the ModelRegistry at `registry` and returns its policy and declared `ioSpecHash` (zero when
 * the entry declares none). Throws a clear error if the model is unknown or deprecated there.
 *
 * @example
 * const { policy, ioSpecHash } = await checkModelRegistration({ runner: provider, registry, modelHash, name: "mlp", file });
 */
export async function checkModelRegistration(args: {
  runner: ContractRunner;
  registry: string;
  modelHash: Hex;
  name: string;
  file: string;
}): Promise<{ policy: VerificationPolicy; ioSpecHash: Hex }> {
  const reg = new Contract(args.registry, modelRegistryAbi, args.runner);
  const registered = (await reg.isRegistered(args.modelHash)) as boolean;
  if (!registered) {
    throw new Error(
      `model '${args.name}' (${args.file}) has sha256 ${args.modelHash}, which is not registered in the ModelRegistry at ${args.registry}: ` +
        `register these exact bytes first, or check that the file is the one you meant`
    );
  }
  const m = await reg.getModel(args.modelHash);
  if (m.deprecated) throw new Error(`model '${args.name}' (${args.modelHash}) is deprecated in the ModelRegistry at ${args.registry}; it may not be served`);

  const p = m.policy;
  const policy: VerificationPolicy = {
    kind: Number(p.kind) === 1 ? "bitwise" : "tolerance",
    minCosine: Number(p.minCosine) / WAD,
    maxRelAbsError: Number(p.maxRelAbsError) / WAD,
    topK: Number(p.topK),
  };
  return { policy, ioSpecHash: String(m.ioSpecHash).toLowerCase() as Hex };
}
