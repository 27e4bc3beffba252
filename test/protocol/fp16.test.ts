// FP16 conversions: exhaustive round trip over all 65536 bit patterns and round-half-to-even at midpoints.
import { expect } from "chai";
import { fp16ToNumber, numberToFp16 } from "../../client/index.js";

describe("fp16", () => {
  it("converts known values", () => {
    expect(fp16ToNumber(0x3c00)).to.equal(1);
    expect(fp16ToNumber(0xc000)).to.equal(-2);
    expect(fp16ToNumber(0x7bff)).to.equal(65504);
    expect(fp16ToNumber(0x0001)).to.equal(2 ** -24);
    expect(fp16ToNumber(0x0400)).to.equal(2 ** -14);
    expect(fp16ToNumber(0x7c00)).to.equal(Infinity);
    expect(fp16ToNumber(0xfc00)).to.equal(-Infinity);
    expect(fp16ToNumber(0x7e00)).to.be.NaN;
    expect(Object.is(fp16ToNumber(0x8000), -0)).to.equal(true);
    expect(numberToFp16(-0)).to.equal(0x8000);
    expect(numberToFp16(NaN)).to.equal(0x7e00);
    expect(numberToFp16(1e10)).to.equal(0x7c00);
    expect(numberToFp16(-1e-10)).to.equal(0x8000);
  });

  it("round-trips every non-NaN half exactly", () => {
    for (let b = 0; b < 0x10000; b++) {
      const v = fp16ToNumber(b);
      if (Number.isNaN(v)) expect(numberToFp16(v)).to.equal(0x7e00);
      else if (numberToFp16(v) !== b) expect.fail(`bits 0x${b.toString(16)} -> ${v} -> 0x${numberToFp16(v).toString(16)}`);
    }
  });

  it("rounds midpoints to even and everything else to nearest", () => {
    for (let b = 0; b < 0x7bff; b++) {
      const lo = fp16ToNumber(b);
      const hi = fp16ToNumber(b + 1);
      const mid = (lo + hi) / 2;
      const even = b % 2 === 0 ? b : b + 1;
      if (numberToFp16(mid) !== even) expect.fail(`midpoint ${mid} of 0x${b.toString(16)} gave 0x${numberToFp16(mid).toString(16)}`);
      if (numberToFp16(lo + (hi - lo) * 0.25) !== b) expect.fail(`quarter above 0x${b.toString(16)}`);
      if (numberToFp16(-(lo + (hi - lo) * 0.75)) !== ((b + 1) | 0x8000)) expect.fail(`negative three quarters above 0x${b.toString(16)}`);
    }
    expect(numberToFp16(65519.99)).to.equal(0x7bff);
    expect(numberToFp16(65520)).to.equal(0x7c00);
  });
});
