// Measures AuditLog.commitBatch with the real Subnet as node authority (shared by the gas test and the benchmark).
import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import { Wallet } from "ethers";
import { defaultParams, deploySubnet, fundedWallets } from "./helpers.js";

/** Batch sizes measured (receipts per batch), as in scripts/bench/gas.ts. */
export const COMMIT_BATCH_SIZES = [1, 1024, 4096] as const;

/**
 * Deploys token + Subnet + AuditLog(authority = Subnet), registers one node, commits a first batch and then one
 * batch per size; returns the steady-state transaction gasUsed per size and their maximum.
 * @example
 * const { max } = await commitBatchGasWithSubnet(ethers); // <= 60_000
 */
export async function commitBatchGasWithSubnet(
  ethers: HardhatEthers,
): Promise<{ max: number; first: number; bySize: Record<string, number> }> {
  const [owner] = await ethers.getSigners();
  const { token, subnet } = await deploySubnet(ethers, owner, defaultParams());
  const auditLog = (await ethers.deployContract("AuditLog", [await subnet.getAddress()], owner)) as any;
  const [operator] = await fundedWallets(ethers, 1, 31);
  const key = new Wallet(Wallet.createRandom().privateKey, ethers.provider);
  await ethers.provider.send("hardhat_setBalance", [key.address, "0x56BC75E2D63100000000"]);
  await (await token.mint(operator.address, 10n ** 19n)).wait();
  await (await (token.connect(operator) as any).approve(await subnet.getAddress(), 10n ** 19n)).wait();
  await (
    await (subnet.connect(operator) as any).registerNode(
      { signer: key.address, endpoint: "http://127.0.0.1:1", pricePerInference: 0n, region: "eu", energySource: "grid", carbonIntensity: 0 },
      10n ** 19n,
    )
  ).wait();
  const log = auditLog.connect(key) as any;
  const gasOf = async (tx: Promise<any>) => Number((await (await tx).wait()).gasUsed);
  let seq = 0n;
  const first = await gasOf(log.commitBatch(ethers.id("batch-0"), seq, seq));
  seq += 1n;
  const bySize: Record<string, number> = {};
  for (const size of COMMIT_BATCH_SIZES) {
    bySize[String(size)] = await gasOf(log.commitBatch(ethers.id(`batch-${size}`), seq, seq + BigInt(size) - 1n));
    seq += BigInt(size);
  }
  return { max: Math.max(...Object.values(bySize)), first, bySize };
}
