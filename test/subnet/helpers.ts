// Shared setup for the subnet tests and the gas benchmark: deploys token + libraries + Subnet, funded wallets.
import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import { AbiCoder, keccak256, Wallet, type BaseContract, type Signer } from "ethers";

/** Default constructor params used by the tests (small epochs so tests mine few blocks). */
export function defaultParams(over: Record<string, unknown> = {}) {
  return {
    epochLength: 20n,
    commitBlocks: 10n,
    emissionPerEpoch: 1000n * 10n ** 18n,
    minNodeStake: 10n ** 18n,
    minValidatorStake: 10n * 10n ** 18n,
    maxNodes: 256,
    maxValidators: 64,
    immunityBlocks: 5n,
    unbondingBlocks: 10n,
    maxTakeBps: 1800,
    takeStepBps: 200,
    takeCooldownBlocks: 10n,
    jailBlocks: 50n,
    kappa: 1n << 31n,
    bondsMovingAverage: 900000,
    nodesBps: 4100,
    validatorsBps: 4100,
    ...over,
  };
}

export type SubnetParams = ReturnType<typeof defaultParams>;

/** Deploys the token, the linked libraries and the Subnet; grants the Subnet the minter role. */
export async function deploySubnet(ethers: HardhatEthers, owner: Signer, params: SubnetParams = defaultParams()) {
  const token = (await ethers.deployContract("VeritensorToken", [await owner.getAddress()], owner)) as BaseContract as any;
  const yuma = await ethers.deployContract("YumaEpoch", [], owner);
  const views = await ethers.deployContract("SubnetViews", [], owner);
  const factory = await ethers.getContractFactory("Subnet", {
    signer: owner,
    libraries: { YumaEpoch: await yuma.getAddress(), SubnetViews: await views.getAddress() },
  });
  const subnet = (await factory.deploy(await token.getAddress(), await owner.getAddress(), params)) as any;
  await subnet.waitForDeployment();
  await (await token.grantRole(await token.MINTER_ROLE(), await subnet.getAddress())).wait();
  return { token, subnet };
}

/** The commit hash the Subnet expects. */
export function commitHashOf(validator: string, epoch: bigint, ids: number[], weights: number[], salt: string): string {
  return keccak256(
    AbiCoder.defaultAbiCoder().encode(
      ["address", "uint256", "uint16[]", "uint16[]", "bytes32"],
      [validator, epoch, ids, weights, salt],
    ),
  );
}

/** `n` fresh wallets with ETH, connected to the chain. */
export async function fundedWallets(ethers: HardhatEthers, n: number, seed = 1): Promise<Wallet[]> {
  const out: Wallet[] = [];
  for (let i = 0; i < n; i++) {
    const w = new Wallet(keccak256(AbiCoder.defaultAbiCoder().encode(["uint256", "uint256"], [seed, i])), ethers.provider);
    await ethers.provider.send("hardhat_setBalance", [w.address, "0x56BC75E2D63100000000"]);
    out.push(w);
  }
  return out;
}

/** Mines until the next block number is `target` (no-op when already there or past). */
export async function mineTo(ethers: HardhatEthers, target: bigint): Promise<void> {
  const now = BigInt(await ethers.provider.getBlockNumber());
  if (target - 1n > now) await ethers.provider.send("hardhat_mine", ["0x" + (target - 1n - now).toString(16)]);
}
