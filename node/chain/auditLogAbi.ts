// The part of IAuditLog the node calls (human-readable ABI for ethers).

/** ABI fragments of IAuditLog used by the node's committer. */
export const auditLogAbi = [
  "function commitBatch(bytes32 root, uint64 firstSeq, uint64 lastSeq) returns (uint256 batchIndex)",
  "function nextSeq(address node) view returns (uint64)",
  "function batchCount(address node) view returns (uint256)",
  "function batchAt(address node, uint256 index) view returns (tuple(bytes32 root, uint64 firstSeq, uint64 lastSeq, uint64 committedAt))",
  "function findBatch(address node, uint64 seq) view returns (bool found, uint256 batchIndex, tuple(bytes32 root, uint64 firstSeq, uint64 lastSeq, uint64 committedAt) batch)",
  "event BatchCommitted(address indexed node, uint256 indexed batchIndex, bytes32 root, uint64 firstSeq, uint64 lastSeq)",
  "error AuditLogUnauthorizedSigner(address signer)",
  "error AuditLogNonContiguousRange(address node, uint64 expectedFirstSeq, uint64 firstSeq)",
  "error AuditLogInvalidRange(uint64 firstSeq, uint64 lastSeq)",
  "error AuditLogZeroRoot()",
] as const;
