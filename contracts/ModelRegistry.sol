// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IModelRegistry} from "./interfaces/IModelRegistry.sol";

/// @title ModelRegistry
/// @notice Registry of ONNX models by content hash, with per-model verification policies.
contract ModelRegistry is IModelRegistry {
    uint64 private constant _WAD = 1e18;

    mapping(bytes32 modelHash => Model) private _models;
    bytes32[] private _modelHashes;

    /// @inheritdoc IModelRegistry
    function registerModel(
        bytes32 modelHash,
        string calldata name,
        string calldata uri,
        bytes32 ioSpecHash,
        VerificationPolicy calldata policy
    ) external {
        if (modelHash == bytes32(0)) revert ModelRegistryZeroHash();
        if (bytes(name).length == 0) revert ModelRegistryEmptyName();
        if (_models[modelHash].owner != address(0)) revert ModelRegistryDuplicateModel(modelHash);
        _validatePolicy(policy);

        Model storage m = _models[modelHash];
        m.modelHash = modelHash;
        m.owner = msg.sender;
        m.name = name;
        m.uri = uri;
        m.ioSpecHash = ioSpecHash;
        m.registeredAt = uint64(block.timestamp);
        _modelHashes.push(modelHash);
        emit ModelRegistered(modelHash, msg.sender, name, uri, ioSpecHash);
        _setPolicy(modelHash, policy);
    }

    /// @inheritdoc IModelRegistry
    function updatePolicy(bytes32 modelHash, VerificationPolicy calldata policy) external {
        _requireOwnerOfLive(modelHash);
        _validatePolicy(policy);
        _setPolicy(modelHash, policy);
    }

    /// @inheritdoc IModelRegistry
    function deprecateModel(bytes32 modelHash) external {
        _requireOwnerOfLive(modelHash);
        _models[modelHash].deprecated = true;
        emit ModelDeprecated(modelHash);
    }

    /// @inheritdoc IModelRegistry
    function transferModelOwnership(bytes32 modelHash, address newOwner) external {
        _requireOwnerOfLive(modelHash);
        if (newOwner == address(0)) revert ModelRegistryZeroOwner();
        _models[modelHash].owner = newOwner;
        emit ModelOwnershipTransferred(modelHash, msg.sender, newOwner);
    }

    /// @inheritdoc IModelRegistry
    function getModel(bytes32 modelHash) external view returns (Model memory) {
        return _requireModel(modelHash);
    }

    /// @inheritdoc IModelRegistry
    function policyOf(bytes32 modelHash) external view returns (VerificationPolicy memory) {
        return _requireModel(modelHash).policy;
    }

    /// @inheritdoc IModelRegistry
    function isRegistered(bytes32 modelHash) external view returns (bool) {
        return _models[modelHash].owner != address(0);
    }

    /// @inheritdoc IModelRegistry
    function isActive(bytes32 modelHash) external view returns (bool) {
        Model storage m = _models[modelHash];
        return m.owner != address(0) && !m.deprecated;
    }

    /// @inheritdoc IModelRegistry
    function modelCount() external view returns (uint256) {
        return _modelHashes.length;
    }

    /// @inheritdoc IModelRegistry
    function listModels(uint256 offset, uint256 limit) external view returns (bytes32[] memory page) {
        uint256 total = _modelHashes.length;
        if (offset >= total) return new bytes32[](0);
        uint256 n = total - offset;
        if (limit < n) n = limit;
        page = new bytes32[](n);
        for (uint256 i = 0; i < n; ++i) {
            page[i] = _modelHashes[offset + i];
        }
    }

    function _setPolicy(bytes32 modelHash, VerificationPolicy calldata policy) private {
        _models[modelHash].policy = policy;
        emit ModelPolicyUpdated(modelHash, policy);
    }

    function _requireModel(bytes32 modelHash) private view returns (Model storage m) {
        m = _models[modelHash];
        if (m.owner == address(0)) revert ModelRegistryUnknownModel(modelHash);
    }

    /// @dev The model exists, the caller owns it and it is not deprecated.
    function _requireOwnerOfLive(bytes32 modelHash) private view {
        Model storage m = _requireModel(modelHash);
        if (m.owner != msg.sender) revert ModelRegistryNotModelOwner(modelHash, msg.sender);
        if (m.deprecated) revert ModelRegistryAlreadyDeprecated(modelHash);
    }

    /// @dev See IModelRegistry.PolicyKind for the rules.
    function _validatePolicy(VerificationPolicy calldata p) private pure {
        if (p.kind == PolicyKind.Bitwise) {
            if (p.minCosine != 0 || p.maxRelAbsError != 0 || p.topK != 0) revert ModelRegistryInvalidPolicy();
        } else {
            if (p.minCosine > _WAD || p.maxRelAbsError > _WAD) revert ModelRegistryInvalidPolicy();
            if (p.minCosine == 0 && p.maxRelAbsError == _WAD && p.topK == 0) revert ModelRegistryInvalidPolicy();
        }
    }
}
