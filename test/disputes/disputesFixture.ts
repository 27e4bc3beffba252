// Shared fixture for the disputes tests: token, Subnet stand-in, AuditLog, Challenges and receipt helpers.
import type { network } from "hardhat";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { MerkleTree } from "merkletreejs";
import { keccak256 as keccakBytes, TypedDataEncoder, getBytes, hexlify, id as idHash, type BaseContract, type Result } from "ethers";
import type { IChallenges } from "../../types/ethers-contracts/Challenges.js";
import type { AuditLog, Challenges, DisputesMockSlashable, VeritensorToken } from "../../types/ethers-contracts/index.js";
import type { ContractReceipt } from "../../client/disputes/toContractReceipt.js";

export type Connection = Awaited<ReturnType<typeof network.create>>;

/** The EIP-712 receipt type (DESIGN.md), from the protocol core. */
export { RECEIPT_TYPES } from "../../client/index.js";
import { RECEIPT_TYPES } from "../../client/index.js";

/** A receipt as the contracts take it (the `IAuditLog.Receipt` struct). */
export type TestReceipt = ContractReceipt;

export const WAD = 10n ** 18n;
export const POOL = 1000n * WAD;
export const CHALLENGER_FUNDS = 10_000n * WAD;
/** Stakes of the committee-eligible validators v0..v5 (the challenger has its own). */
export const VALIDATOR_STAKES = [100n, 200n, 300n, 400n, 500n, 600n].map((s) => s * WAD);

export enum Kind { None, DoubleSign, Inclusion, WrongOutput }
export enum Status { None, AwaitingResponse, AwaitingCommittee, Voting, Settled }
export enum Outcome { None, DoubleSigned, InclusionUnanswered, InclusionProved, Mismatch, Match, Tie, NoQuorum, NoCommittee }
export enum Vote { None, Match, Mismatch }

export interface DisputesFixture {
  owner: HardhatEthersSigner;
  node: HardhatEthersSigner;
  operator: HardhatEthersSigner;
  challenger: HardhatEthersSigner;
  stranger: HardhatEthersSigner;
  validators: HardhatEthersSigner[];
  token: VeritensorToken;
  subnet: DisputesMockSlashable;
  auditLog: AuditLog;
  challenges: Challenges;
  chainId: bigint;
  /** Builds a receipt of `node` for `seq` (content derived from `tag`). */
  receipt(seq: bigint, tag?: string, timestamp?: bigint): TestReceipt;
  /** Signs `r` with `signer` (default: the node key) under the AuditLog's receipt domain. */
  sign(r: TestReceipt, signer?: HardhatEthersSigner): Promise<string>;
}

/**
 * Deploys the disputes fixture on `conn`: the real VeritensorToken and AuditLog, a test stand-in for the Subnet
 * (DisputesMockSlashable, also the AuditLog's node authority) and Challenges.
 */
export async function deployDisputes(conn: Connection): Promise<DisputesFixture> {
  const { ethers } = conn;
  const [owner, node, operator, challenger, stranger, ...rest] = await ethers.getSigners();
  const validators = rest.slice(0, VALIDATOR_STAKES.length);
  const token = await ethers.deployContract("VeritensorToken", [owner.address]);
  const subnet = await ethers.deployContract("DisputesMockSlashable", [await token.getAddress()]);
  const { auditLog, challenges } = await deployChallenges(ethers, owner, subnet, token);
  await subnet.setSlasher(await challenges.getAddress());
  await subnet.setOperator(node.address, operator.address);
  await token.mint(await subnet.getAddress(), POOL);
  await subnet.setPool(operator.address, POOL);
  await subnet.setValidators(
    [challenger.address, ...validators.map((v) => v.address)],
    [1000n * WAD, ...VALIDATOR_STAKES],
  );
  await token.mint(challenger.address, CHALLENGER_FUNDS);
  await token.connect(challenger).approve(await challenges.getAddress(), CHALLENGER_FUNDS);
  const chainId = (await ethers.provider.getNetwork()).chainId;
  const domain = { name: "Veritensor", version: "1", chainId, verifyingContract: await auditLog.getAddress() };
  return {
    owner, node, operator, challenger, stranger, validators, token, subnet, auditLog, challenges, chainId,
    receipt: (seq, tag = "a", timestamp = 1_000_000n) => ({
      requestId: idHash(`request-${seq}-${tag}`),
      modelHash: idHash("model"),
      inputDigest: idHash(`input-${seq}`),
      outputDigest: idHash(`output-${seq}-${tag}`),
      node: node.address,
      seq,
      timestamp,
    }),
    sign: (r, signer = node) => signer.signTypedData(domain, RECEIPT_TYPES, r),
  };
}

/**
 * Deploys the AuditLog with `subnet` (the real Subnet or a stand-in) as its node authority, and Challenges over that
 * AuditLog, `subnet` as the slashable and `token` as the bond token, owned by `owner`. The caller makes Challenges a
 * slasher of `subnet` (the real Subnet: `grantRole(SLASHER_ROLE)`; the stand-in: `setSlasher`).
 *
 * @example
 * const { auditLog, challenges } = await deployChallenges(ethers, owner, subnet, token);
 */
export async function deployChallenges(ethers: Connection["ethers"], owner: { address: string }, subnet: BaseContract, token: BaseContract) {
  const auditLog = await ethers.deployContract("AuditLog", [await subnet.getAddress()]);
  const challenges = await ethers.deployContract("Challenges", [
    await auditLog.getAddress(),
    await subnet.getAddress(),
    await token.getAddress(),
    owner.address,
  ]);
  return { auditLog, challenges };
}

/** The receipt's EIP-712 struct hash (its Merkle leaf). */
export function leafOf(r: TestReceipt): string {
  return TypedDataEncoder.hashStruct("Receipt", RECEIPT_TYPES, r);
}

/** A keccak256 sorted-pairs Merkle tree over the receipts' leaves (DESIGN.md batch format). */
export function batchTree(receipts: TestReceipt[]): { root: string; proof(i: number): string[] } {
  const leaves = receipts.map((r) => getBytes(leafOf(r)));
  const tree = new MerkleTree(leaves, (d: Buffer) => Buffer.from(getBytes(keccakBytes(d))), { sortPairs: true });
  return {
    root: hexlify(tree.getRoot()),
    proof: (i) => tree.getHexProof(Buffer.from(leaves[i])),
  };
}

/** A Params struct returned by the contract as a plain object (for `setParams({ ...p, x })` and deep equality). */
export function plainParams(p: unknown): IChallenges.ParamsStruct {
  return (p as Result).toObject() as IChallenges.ParamsStruct;
}
