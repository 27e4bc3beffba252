// Compares the Subnet's per-epoch results with the TypeScript epoch reference (the checks every reference test makes).
import { expect } from "chai";
import type { RunYumaEpochReturnType } from "../../client/subnet/index.js";

/**
 * Asserts that `subnet.epochResults()` equals the reference on consensus, incentive, validator trust, dividends and
 * validator emission; `ctx` names the epoch in a failure. Stake, node emission and bonds are left to the caller
 * (the tests differ on which of them they compare and how).
 *
 * @example
 * expectEpochResults(await subnet.epochResults(), runYumaEpoch(input), `epoch ${e}`);
 */
export function expectEpochResults(res: any, ref: RunYumaEpochReturnType, ctx: string): void {
  expect(res.consensus.map(BigInt), ctx).to.deep.equal(ref.consensus);
  expect(res.incentive.map(BigInt), ctx).to.deep.equal(ref.incentive);
  expect(res.validatorTrust.map(BigInt), ctx).to.deep.equal(ref.validatorTrust);
  expect(res.dividends.map(BigInt), ctx).to.deep.equal(ref.dividends);
  expect(res.validatorEmission.map(BigInt), ctx).to.deep.equal(ref.validatorReward);
}
