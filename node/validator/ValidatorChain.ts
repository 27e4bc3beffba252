// The validator's view of and actions on the chain: Subnet (nodes, weights), AuditLog, ModelRegistry, Challenges.
import { Contract, JsonRpcProvider, Wallet, type Provider, type Signer } from "ethers";
import type { Address, Hex, ReceiptDomain, SignedReceipt } from "../../client/index.js";
import { policyFromChain, type VerificationPolicy } from "../../client/policy/index.js";
import { loadInterfaceAbi } from "./loadInterfaceAbi.js";
import { voteCommitment } from "../../client/disputes/voteCommitment.js";
import { toContractReceipt } from "../../client/disputes/toContractReceipt.js";
import type { Vote } from "../../client/disputes/Vote.js";
import { weightsCommitHash } from "../../client/sdk/validators/weightsCommitHash.js";

/** A node as the Subnet lists it. */
export interface ChainNode {
  uid: number;
  operator: Address;
  signer: Address;
  endpoint: string;
  eligible: boolean;
}

/** Contract addresses the validator needs. */
export interface ValidatorContracts {
  subnet: Address;
  auditLog: Address;
  modelRegistry: Address;
  challenges: Address;
}

const ERC20 = ["function approve(address spender, uint256 amount) returns (bool)", "function allowance(address owner, address spender) view returns (uint256)"];

const receiptTuple = (r: SignedReceipt) => toContractReceipt(r);

/**
 * Wraps the contracts with the validator's operator key. Transactions are sent one at a time through a
 * queue, each waiting for the previous one to be mined; reads go straight to the provider.
 *
 * @example
 * const chain = await ValidatorChain.connect({ rpcUrl, privateKey, contracts });
 * for (const n of await chain.listNodes()) console.log(n.uid, n.endpoint);
 */
export class ValidatorChain {
  readonly subnet: Contract;
  readonly auditLog: Contract;
  readonly registry: Contract;
  readonly challenges: Contract;
  private txQueue: Promise<unknown> = Promise.resolve();
  private policies = new Map<string, VerificationPolicy | undefined>();
  private paramsCache?: { at: number; value: Record<string, bigint> };

  private constructor(
    readonly provider: Provider,
    readonly signer: Signer,
    readonly address: Address,
    readonly chainId: bigint,
    readonly contracts: ValidatorContracts,
  ) {
    this.subnet = new Contract(contracts.subnet, loadInterfaceAbi("ISubnet"), signer);
    this.auditLog = new Contract(contracts.auditLog, loadInterfaceAbi("IAuditLog"), signer);
    this.registry = new Contract(contracts.modelRegistry, loadInterfaceAbi("IModelRegistry"), signer);
    this.challenges = new Contract(contracts.challenges, loadInterfaceAbi("IChallenges"), signer);
  }

  /** Connects with a private key to `rpcUrl`, or wraps a given provider/signer (in-process chains in tests). */
  static async connect(args: { contracts: ValidatorContracts; rpcUrl?: string; privateKey?: Hex; provider?: Provider; signer?: Signer }): Promise<ValidatorChain> {
    const provider = args.provider ?? new JsonRpcProvider(args.rpcUrl, undefined, { staticNetwork: true, cacheTimeout: -1 });
    let signer = args.signer;
    if (!signer) {
      if (!args.privateKey) throw new Error("the validator needs a private key (privateKeyFile or VERITENSOR_VALIDATOR_KEY)");
      signer = new Wallet(args.privateKey, provider);
    }
    const address = (await signer.getAddress()) as Address;
    const { chainId } = await provider.getNetwork();
    return new ValidatorChain(provider, signer, address, chainId, args.contracts);
  }

  /** The receipts' EIP-712 domain (this chain, the AuditLog). */
  get domain(): ReceiptDomain {
    return { chainId: this.chainId, verifyingContract: this.contracts.auditLog };
  }

  /** Runs `fn` after every earlier transaction of this validator has been mined. */
  send<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.txQueue.then(fn, fn);
    this.txQueue = next.catch(() => undefined);
    return next;
  }

  /**
   * Sends a contract call and waits for its receipt. Transactions go one at a time, each with the account's
   * pending nonce read just before it: a call that fails before sending (a revert at gas estimation, say)
   * leaves no gap, unlike a local nonce counter.
   */
  async tx(contract: Contract, method: string, ...args: unknown[]): Promise<import("ethers").TransactionReceipt> {
    return this.send(async () => {
      const nonce = await this.provider.getTransactionCount(this.address, "pending");
      const sent = await contract.getFunction(method)(...args, { nonce });
      const mined = await sent.wait();
      if (!mined || mined.status !== 1) throw new Error(`${method} reverted`);
      return mined;
    });
  }

  /** Every registered node of the Subnet (slots with a signer). */
  async listNodes(): Promise<ChainNode[]> {
    const [, slots] = (await this.subnet.nodeCount()) as [bigint, bigint];
    const out: ChainNode[] = [];
    for (let uid = 0; uid < Number(slots); uid++) {
      try {
        const v = await this.subnet.node(uid);
        const signer = v.params.signer as Address;
        if (/^0x0{40}$/i.test(signer) || /^0x0{40}$/i.test(v.operator)) continue;
        out.push({ uid, operator: v.operator, signer, endpoint: v.params.endpoint, eligible: v.eligible });
      } catch {
        // empty slot
      }
    }
    return out;
  }

  /** The registered policy of a model (cached); undefined when the model is not registered. */
  async policyOf(modelHash: Hex): Promise<VerificationPolicy | undefined> {
    const key = modelHash.toLowerCase();
    if (!this.policies.has(key)) {
      const registered = (await this.registry.isRegistered(modelHash)) as boolean;
      this.policies.set(key, registered ? policyFromChain((await this.registry.getModel(modelHash)).policy) : undefined);
    }
    return this.policies.get(key);
  }

  /** The committed batch of `node` covering `seq`, if any. */
  async batchCovering(node: Address, seq: bigint): Promise<{ root: Hex; firstSeq: bigint; lastSeq: bigint } | undefined> {
    const [found, , batch] = await this.auditLog.findBatch(node, seq);
    return found ? { root: batch.root, firstSeq: batch.firstSeq, lastSeq: batch.lastSeq } : undefined;
  }

  /** Whether `proof` shows `receipt` in the committed batch covering its seq (AuditLog.verifyReceipt, the contract's own rule). */
  async verifyInclusion(receipt: SignedReceipt, proof: readonly Hex[] | undefined): Promise<boolean> {
    if (!proof) return false;
    try {
      return (await this.auditLog.verifyReceipt(receiptTuple(receipt), [...proof])) as boolean;
    } catch {
      return false;
    }
  }

  /** The latest block's timestamp (the contracts' notion of now). */
  async now(): Promise<bigint> {
    const block = await this.provider.getBlock("latest");
    return BigInt(block!.timestamp);
  }

  /** The Challenges parameters (cached for 30 s). */
  async challengeParams(): Promise<Record<string, bigint>> {
    if (!this.paramsCache || Date.now() - this.paramsCache.at > 30_000) {
      const p = await this.challenges.params();
      this.paramsCache = { at: Date.now(), value: Object.fromEntries(Object.entries(p.toObject()).map(([k, v]) => [k, typeof v === "boolean" ? (v ? 1n : 0n) : BigInt(v as bigint)])) };
    }
    return this.paramsCache.value;
  }

  /** Approves the Challenges contract to take `amount` bond tokens if the allowance is lower. */
  async ensureBondAllowance(amount: bigint): Promise<void> {
    if (amount === 0n) return;
    const token = new Contract(await this.challenges.token(), ERC20, this.signer);
    const allowance = (await token.allowance(this.address, this.contracts.challenges)) as bigint;
    if (allowance < amount) await this.tx(token, "approve", this.contracts.challenges, 2n ** 255n);
  }

  /** `proveDoubleSign`; returns the challenge id. */
  async proveDoubleSign(a: SignedReceipt, b: SignedReceipt): Promise<bigint> {
    const mined = await this.tx(this.challenges, "proveDoubleSign", receiptTuple(a), a.signature, receiptTuple(b), b.signature);
    return this.openedId(mined);
  }

  /** `openInclusionChallenge` (approving the bond first); returns the challenge id. */
  async openInclusionChallenge(r: SignedReceipt): Promise<bigint> {
    await this.ensureBondAllowance((await this.challengeParams()).inclusionBond);
    return this.openedId(await this.tx(this.challenges, "openInclusionChallenge", receiptTuple(r), r.signature));
  }

  /** `openWrongOutputChallenge` with the receipt's signature (approving the bond first); returns the challenge id. */
  async openWrongOutputChallenge(r: SignedReceipt, evidenceUri: string): Promise<bigint> {
    await this.ensureBondAllowance((await this.challengeParams()).wrongOutputBond);
    return this.openedId(await this.tx(this.challenges, "openWrongOutputChallenge", receiptTuple(r), r.signature, [], evidenceUri));
  }

  /** The evidence URI the challenger of `id` published, if any. */
  async evidenceUri(id: bigint): Promise<string | undefined> {
    const logs = await this.challenges.queryFilter(this.challenges.filters.EvidenceSubmitted(id));
    const last = logs.at(-1) as { args?: { evidenceUri: string } } | undefined;
    return last?.args?.evidenceUri || undefined;
  }

  /** This validator's vote commitment for challenge `id` (client/disputes `voteCommitment`). */
  voteCommitment(id: bigint, vote: Vote, salt: Hex): Hex {
    return voteCommitment({ challengeId: id, voter: this.address, vote, salt });
  }

  /** The weights commit hash `keccak256(abi.encode(validator, epoch, nodeIds, weights, salt))` (client/sdk helper). */
  weightsCommitment(epoch: bigint, uids: number[], weights: number[], salt: Hex): Hex {
    return weightsCommitHash(this.address, epoch, uids, weights, salt) as Hex;
  }

  private openedId(mined: import("ethers").TransactionReceipt): bigint {
    for (const log of mined.logs) {
      try {
        const parsed = this.challenges.interface.parseLog(log);
        if (parsed?.name === "ChallengeOpened") return parsed.args.id as bigint;
      } catch {
        // another contract's log
      }
    }
    throw new Error("no ChallengeOpened event in the transaction");
  }
}
