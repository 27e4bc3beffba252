// An HTTP-level failure of a validator request to an inference node.

/** An HTTP-level failure talking to a node (status 0 when the node could not be reached). */
export class NodeRequestError extends Error {
  override name = "NodeRequestError";
  constructor(readonly status: number, message: string) {
    super(message);
  }
}
