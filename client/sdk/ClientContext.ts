// What every SDK action needs: provider, optional signer, contracts, receipt domain.
import type { Contract, JsonRpcProvider, Signer } from "ethers";
import type { ReceiptDomain } from "../index.js";
import type { DeploymentAddresses } from "./DeploymentAddresses.js";

/** The shared state behind a {@link VeritensorClient}; actions take it as first argument. */
export interface ClientContext {
  provider: JsonRpcProvider;
  /** Present when the client was created with a private key or signer. */
  signer?: Signer;
  addresses: DeploymentAddresses;
  /** EIP-712 domain of receipts (chain id + AuditLog). */
  domain: ReceiptDomain;
  contracts: {
    token: Contract;
    registry: Contract;
    auditLog: Contract;
    subnet: Contract;
    challenges: Contract;
  };
  /** HTTP timeout for node requests, in ms. */
  httpTimeoutMs: number;
}
