// Shared setup for the subnet tests and the gas benchmark: deploys token + libraries + Subnet, funded wallets.
import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import { AbiCoder, keccak256, Wallet, type BaseContract, type Overrides, type Signer } from "ethers";

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

/** A node's public listing: every `NodeParams` field but the signing key. */
export interface NodeListing {
  endpoint: string;
  pricePerInference: bigint;
  region: string;
  energySource: string;
  carbonIntensity: number;
}

/** Mints `amount` tokens to each wallet and lets the Subnet take any amount of them (stake, delegate). */
export async function fundStakers(token: any, subnet: BaseContract, wallets: Signer[], amount: bigint, overrides: Overrides = {}): Promise<void> {
  const addr = await subnet.getAddress();
  for (const w of wallets) {
    await token.mint(await w.getAddress(), amount, overrides);
    await (token.connect(w) as any).approve(addr, 2n ** 255n, overrides);
  }
}

/**
 * Registers one node per operator, in order: `operators[j]` with signing key `signers[j]` and `listing`, staking
 * `stakeOf(j)` (asked right before each registration, so a seeded PRNG draws as an inline loop would).
 */
export async function registerNodes(
  subnet: any,
  operators: Signer[],
  signers: string[],
  listing: NodeListing,
  stakeOf: (j: number) => bigint,
  overrides: Overrides = {},
): Promise<void> {
  for (let j = 0; j < operators.length; j++) {
    await subnet.connect(operators[j]).registerNode({ signer: signers[j], ...listing }, stakeOf(j), overrides);
  }
}

/** Registers each operator as a validator, in order, staking `stakeOf(v)` (asked right before each registration). */
export async function registerValidators(subnet: any, operators: Signer[], stakeOf: (v: number) => bigint, overrides: Overrides = {}): Promise<void> {
  for (let v = 0; v < operators.length; v++) await subnet.connect(operators[v]).registerValidator(stakeOf(v), overrides);
}

/** Mines until the next block number is `target` (no-op when already there or past). */
export async function mineTo(ethers: HardhatEthers, target: bigint): Promise<void> {
  const now = BigInt(await ethers.provider.getBlockNumber());
  if (target - 1n > now) await ethers.provider.send("hardhat_mine", ["0x" + (target - 1n - now).toString(16)]);
}
