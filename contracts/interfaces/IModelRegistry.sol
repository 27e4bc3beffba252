// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IModelRegistry
/// @notice Models registered by content hash (sha256 of the ONNX file bytes), each with the policy that
/// decides whether a re-run output matches a committed one.
interface IModelRegistry {
    /// @notice How a re-executed output is compared with a committed one.
    /// `Tolerance`: cosine similarity >= minCosine and max|a-b| / max|ref| <= maxRelAbsError (both WAD, 1e18 = 1.0),
    /// plus, when topK > 0, the same top-k class indices. `Bitwise`: byte-identical outputs (integer models only).
    /// @dev Valid policies (else ModelRegistryInvalidPolicy):
    /// Tolerance: minCosine <= 1e18, maxRelAbsError <= 1e18 and at least one real constraint, i.e. not
    /// (minCosine == 0 && maxRelAbsError == 1e18 && topK == 0). minCosine 0 / maxRelAbsError 1e18 mean "no bound"
    /// in practice; maxRelAbsError 0 means exact values.
    /// Bitwise: minCosine, maxRelAbsError and topK must all be 0 (they have no meaning there).
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

    /// @notice A model was registered by `owner` (its policy follows in ModelPolicyUpdated, same transaction).
    event ModelRegistered(bytes32 indexed modelHash, address indexed owner, string name, string uri, bytes32 ioSpecHash);
    /// @notice The model's verification policy was set (at registration) or changed.
    event ModelPolicyUpdated(bytes32 indexed modelHash, VerificationPolicy policy);
    /// @notice The model was deprecated: still queryable, no longer active, frozen.
    event ModelDeprecated(bytes32 indexed modelHash);
    /// @notice The model's ownership moved from `previousOwner` to `newOwner`.
    event ModelOwnershipTransferred(bytes32 indexed modelHash, address indexed previousOwner, address indexed newOwner);

    /// @notice A model with this hash is already registered.
    error ModelRegistryDuplicateModel(bytes32 modelHash);
    /// @notice No model is registered under this hash.
    error ModelRegistryUnknownModel(bytes32 modelHash);
    /// @notice Only the model's owner may do this.
    error ModelRegistryNotModelOwner(bytes32 modelHash, address caller);
    /// @notice The policy breaks the rules documented on PolicyKind.
    error ModelRegistryInvalidPolicy();
    /// @notice The model hash is zero.
    error ModelRegistryZeroHash();
    /// @notice The model name is empty.
    error ModelRegistryEmptyName();
    /// @notice The model is deprecated (deprecating again, or changing a deprecated model).
    error ModelRegistryAlreadyDeprecated(bytes32 modelHash);
    /// @notice The new owner is the zero address.
    error ModelRegistryZeroOwner();

    /// @notice Registers the model `modelHash` (sha256 of its ONNX bytes) owned by the caller.
    /// @param name human-readable name, non-empty.
    /// @param uri where the ONNX file can be fetched (may be empty).
    /// @param ioSpecHash sha256 of the canonical JSON of its input/output spec.
    /// @param policy how re-run outputs are compared (see PolicyKind).
    function registerModel(
        bytes32 modelHash,
        string calldata name,
        string calldata uri,
        bytes32 ioSpecHash,
        VerificationPolicy calldata policy
    ) external;

    /// @notice Replaces the model's verification policy. Model owner only; not on a deprecated model.
    function updatePolicy(bytes32 modelHash, VerificationPolicy calldata policy) external;

    /// @notice Deprecates the model (irreversible). Model owner only.
    function deprecateModel(bytes32 modelHash) external;

    /// @notice Gives the model to `newOwner`. Model owner only; not on a deprecated model.
    function transferModelOwnership(bytes32 modelHash, address newOwner) external;

    /// @notice The model registered under `modelHash` (reverts with ModelRegistryUnknownModel if none).
    function getModel(bytes32 modelHash) external view returns (Model memory);

    /// @notice The model's verification policy (reverts with ModelRegistryUnknownModel if none).
    function policyOf(bytes32 modelHash) external view returns (VerificationPolicy memory);

    /// @notice Whether a model is registered under `modelHash` (deprecated or not).
    function isRegistered(bytes32 modelHash) external view returns (bool);

    /// @notice Whether the model is registered and not deprecated.
    function isActive(bytes32 modelHash) external view returns (bool);

    /// @notice Number of models ever registered.
    function modelCount() external view returns (uint256);

    /// @notice Model hashes in registration order, `offset`..`offset+limit` (clamped).
    function listModels(uint256 offset, uint256 limit) external view returns (bytes32[] memory);
}
