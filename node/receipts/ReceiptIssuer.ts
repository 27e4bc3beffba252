// Issues one signed receipt per answered request and makes it durable before the answer is sent.
import { type Tensor, type SignedReceipt, type Receipt, type Hex } from "../../client/index.js";
import type { ReceiptStore } from "../store/ReceiptStore.js";
import type { NodeHooks, HookContext } from "../hooks/NodeHooks.js";
import { packTensors } from "../store/packTensors.js";
import { deriveRequestId } from "./deriveRequestId.js";
import { fastIoDigest } from "./fastIoDigest.js";

/** The signer (from createReceiptSigner) the issuer uses. */
export interface ReceiptSignerLike {
  address: Hex;
  sign(r: Omit<Receipt, "node">): SignedReceipt;
}

/** What issue() needs to know about one answered request. */
export interface IssueRequest {
  model: string;
  modelHash: Hex;
  clientId?: string;
  inputs: Tensor[];
  outputs: Tensor[];
}

/**
 * Digests inputs and outputs, takes the next seq, signs the receipt and appends it (with the request
 * data, when retained) to the store; resolves once the row is durable (group commit).
 *
 * @example
 * const receipt = await issuer.issue({ model: "mlp", modelHash, inputs, outputs });
 */
export class ReceiptIssuer {
  constructor(
    private readonly signer: ReceiptSignerLike,
    private readonly store: ReceiptStore,
    private readonly opts: { retainData: boolean; hooks?: NodeHooks },
  ) {}

  /** The node's signing address. */
  get address(): Hex {
    return this.signer.address;
  }

  /** Signs and stores the receipt of one request; returns the receipt to send to the client. */
  async issue(req: IssueRequest): Promise<SignedReceipt> {
    const inputDigest = fastIoDigest(req.inputs);
    const outputDigest = fastIoDigest(req.outputs);
    const data = this.opts.retainData ? { inputs: packTensors(req.inputs), outputs: packTensors(req.outputs) } : undefined;
    // From here to append() nothing awaits: seqs are handed out and queued in order.
    const seq = this.store.reserveSeq();
    const body = {
      requestId: deriveRequestId(this.signer.address, seq, req.clientId),
      modelHash: req.modelHash,
      inputDigest,
      outputDigest,
      seq,
      timestamp: BigInt(Math.floor(Date.now() / 1000)),
    };
    let signed: SignedReceipt;
    try {
      signed = this.signer.sign(body);
    } catch (err) {
      this.store.releaseSeq(seq);
      throw err;
    }
    let respond = signed;
    const hook = this.opts.hooks?.receiptHook;
    if (hook) {
      const ctx: HookContext = { model: req.model, modelHash: req.modelHash, clientId: req.clientId, inputs: req.inputs };
      const decision = hook(signed, { ...ctx, sign: (r) => this.signer.sign(r) });
      respond = decision.respond ?? signed;
      if (!decision.store) {
        this.store.releaseSeq(seq);
        return respond;
      }
    }
    await this.store.append({ receipt: { ...signed, modelName: req.model }, data });
    return respond;
  }
}
