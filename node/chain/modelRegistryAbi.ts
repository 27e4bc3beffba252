// The part of IModelRegistry the node calls (human-readable ABI for ethers).

/** ABI fragments of IModelRegistry used by the node. */
export const modelRegistryAbi = [
  "function isRegistered(bytes32 modelHash) view returns (bool)",
  "function isActive(bytes32 modelHash) view returns (bool)",
  "function getModel(bytes32 modelHash) view returns (tuple(bytes32 modelHash, address owner, string name, string uri, bytes32 ioSpecHash, tuple(uint8 kind, uint64 minCosine, uint64 maxRelAbsError, uint16 topK) policy, uint64 registeredAt, bool deprecated))",
] as const;
