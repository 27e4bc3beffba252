// One decoded contract event, JSON-safe.

/** A decoded event of a Veritensor contract. */
export interface ChainEvent {
  contract: string;
  name: string;
  args: Record<string, unknown>;
  blockNumber: number;
  txHash: string;
  logIndex: number;
}
