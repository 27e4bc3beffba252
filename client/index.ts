// Package entry of the Veritensor client: the protocol core (tensors, digests, receipts, batches) and SDK errors.

// errors
export { BaseError, type BaseErrorOptions } from "./errors/BaseError.js";
export { BatchTreeError } from "./errors/BatchTreeError.js";
export { ReceiptFormatError } from "./errors/ReceiptFormatError.js";
export { ReceiptSignatureError } from "./errors/ReceiptSignatureError.js";
export { ReceiptSignatureMismatchError } from "./errors/ReceiptSignatureMismatchError.js";
export { TensorCodecError } from "./errors/TensorCodecError.js";

// protocol
export { type Address } from "./protocol/Address.js";
export { type BatchTree } from "./protocol/BatchTree.js";
export { DATATYPE_CODES } from "./protocol/DATATYPE_CODES.js";
export { type Datatype } from "./protocol/Datatype.js";
export { type Hex } from "./protocol/Hex.js";
export { type JsonTensor } from "./protocol/JsonTensor.js";
export { RECEIPT_TYPEHASH } from "./protocol/RECEIPT_TYPEHASH.js";
export { RECEIPT_TYPES } from "./protocol/RECEIPT_TYPES.js";
export { RECEIPT_TYPE_STRING } from "./protocol/RECEIPT_TYPE_STRING.js";
export { type Receipt } from "./protocol/Receipt.js";
export { type OrtTensorLike } from "./protocol/OrtTensorLike.js";
export { type ReceiptDomain } from "./protocol/ReceiptDomain.js";
export { type ReceiptJson } from "./protocol/ReceiptJson.js";
export { type ReceiptSigner } from "./protocol/ReceiptSigner.js";
export { type SignedReceipt } from "./protocol/SignedReceipt.js";
export { type Tensor } from "./protocol/Tensor.js";
export { type TensorData } from "./protocol/TensorData.js";
export { assertReceiptSignature } from "./protocol/assertReceiptSignature.js";
export { assertTensor } from "./protocol/assertTensor.js";
export { buildBatchTree } from "./protocol/buildBatchTree.js";
export { bytesPerElement } from "./protocol/bytesPerElement.js";
export { canonicalTensorHeader } from "./protocol/canonicalTensorHeader.js";
export { createReceiptSigner, type CreateReceiptSignerParameters } from "./protocol/createReceiptSigner.js";
export { datatypeOfOrtType } from "./protocol/datatypeOfOrtType.js";
export { decodeBytesElements } from "./protocol/decodeBytesElements.js";
export { decodeJsonTensor } from "./protocol/decodeJsonTensor.js";
export { elementCount } from "./protocol/elementCount.js";
export { encodeBytesElements } from "./protocol/encodeBytesElements.js";
export { encodeJsonTensor } from "./protocol/encodeJsonTensor.js";
export { fp16ToNumber } from "./protocol/fp16ToNumber.js";
export { hashReceipt } from "./protocol/hashReceipt.js";
export { ioDigest } from "./protocol/ioDigest.js";
export { numberToFp16 } from "./protocol/numberToFp16.js";
export { ortTypeOf } from "./protocol/ortTypeOf.js";
export { parseDatatype } from "./protocol/parseDatatype.js";
export { receiptDigest } from "./protocol/receiptDigest.js";
export { receiptDomainSeparator } from "./protocol/receiptDomainSeparator.js";
export { receiptFromJson } from "./protocol/receiptFromJson.js";
export { receiptToJson } from "./protocol/receiptToJson.js";
export { receiptTypedData, type ReceiptTypedData } from "./protocol/receiptTypedData.js";
export { recoverReceiptSigner } from "./protocol/recoverReceiptSigner.js";
export { tensorDigest } from "./protocol/tensorDigest.js";
export { tensorFromBytes } from "./protocol/tensorFromBytes.js";
export { tensorFromOrt } from "./protocol/tensorFromOrt.js";
export { tensorToBytes } from "./protocol/tensorToBytes.js";
export { tensorToOrt, type OrtTensorArgs } from "./protocol/tensorToOrt.js";
export { verifyBatchProof } from "./protocol/verifyBatchProof.js";
export { verifyReceiptSignature } from "./protocol/verifyReceiptSignature.js";
