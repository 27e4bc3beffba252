// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IModelRegistry
/// @notice Models registered by content hash (sha256 of the ONNX file bytes), each with the policy that
/// decides whether a re-run output matches a committed one.
interface IModelRegistry {
    /// @notice How a re-executed output is compared with a committed one.
    /// `Tolerance`: cosine similarity >= minCosine and max|a-b| / max|ref| <= maxRelAbsError (both WAD, 1e18 = 1.0),
    /// plus, when topK > 0, the same top-k class indices. `Bitwise`: byte-identical outputs (integer models only).
    enum PolicyKind {
        Tolerance,
        Bitwise
    }

    struct VerificationPolicy {
        PolicyKind kind;
        uint64 minCosine; // WAD
        uint64 maxRelAbsError; // WAD
        uint16 topK;
    }

    struct Model {
        bytes32 modelHash;
        address owner;
        string name;
        string uri;
        bytes32 ioSpecHash; // sha256 of the canonical JSON of the model's input/output spec
        VerificationPolicy policy;
        uint64 registeredAt;
        bool deprecated;
    }

    event ModelRegistered(bytes32 indexed modelHash, address indexed owner, string name, string uri, bytes32 ioSpecHash);
    event ModelPolicyUpdated(bytes32 indexed modelHash, VerificationPolicy policy);
    event ModelDeprecated(bytes32 indexed modelHash);
    event ModelOwnershipTransferred(bytes32 indexed modelHash, address indexed previousOwner, address indexed newOwner);

    error ModelRegistryDuplicateModel(bytes32 modelHash);
    error ModelRegistryUnknownModel(bytes32 modelHash);
    error ModelRegistryNotModelOwner(bytes32 modelHash, address caller);
    error ModelRegistryInvalidPolicy();
    error ModelRegistryZeroHash();
    error ModelRegistryEmptyName();
    error ModelRegistryAlreadyDeprecated(bytes32 modelHash);

    function registerModel(
        bytes32 modelHash,
        string calldata name,
        string calldata uri,
        bytes32 ioSpecHash,
        VerificationPolicy calldata policy
    ) external;

    function updatePolicy(bytes32 modelHash, VerificationPolicy calldata policy) external;

    function deprecateModel(bytes32 modelHash) external;

    function transferModelOwnership(bytes32 modelHash, address newOwner) external;

    /// @notice The model registered under `modelHash` (reverts with ModelRegistryUnknownModel if none).
    function getModel(bytes32 modelHash) external view returns (Model memory);

    function isRegistered(bytes32 modelHash) external view returns (bool);

    /// @notice Whether the model is registered and not deprecated.
    function isActive(bytes32 modelHash) external view returns (bool);

    function modelCount() external view returns (uint256);

    /// @notice Model hashes in registration order, `offset`..`offset+limit` (clamped).
    function listModels(uint256 offset, uint256 limit) external view returns (bytes32[] memory);
}
