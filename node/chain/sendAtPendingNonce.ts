// Sends one transaction from the node's key at its pending nonce, under the shared nonce lock when there is one.
import type { Signer, TransactionResponse } from "ethers";
import type { TxLock } from "./TxLock.js";

/**
 * Reads `signer`'s pending nonce and sends `send(nonce)`, both inside `txLock` when one is given, so that the
 * senders sharing the key (the committer, the inclusion responder) never reuse a nonce. Returns the sent
 * transaction and the nonce it went out with; does not wait for it to be mined.
 *
 * @example
 * const { tx, nonce } = await sendAtPendingNonce(wallet, txLock, (nonce) => audit.commitBatch(root, first, last, { nonce }));
 */
export async function sendAtPendingNonce(
  signer: Signer,
  txLock: TxLock | undefined,
  send: (nonce: number) => Promise<unknown>,
): Promise<{ tx: TransactionResponse; nonce: number }> {
  const sendNow = async () => {
    const nonce = await signer.getNonce("pending");
    return { nonce, tx: (await send(nonce)) as TransactionResponse };
  };
  return txLock ? txLock.run(sendNow) : sendNow();
}
