// Serialises "read the pending nonce, send" sections of every sender that shares the node's signing key.

/**
 * A FIFO async mutex. The committer and the inclusion responder send from the same key; each takes the
 * lock around `getNonce("pending")` + send so that two transactions never get the same nonce.
 *
 * @example
 * const tx = await lock.run(async () => contract.f(arg, { nonce: await wallet.getNonce("pending") }));
 */
export class TxLock {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `fn` once every earlier section has finished; resolves or rejects with its result. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
