// Measures a wrong-output dispute end to end on a local chain (filled in once the Subnet contract is available).

/** Seconds from a validator detecting a wrong output to the dispute's settlement, with the steps' timings. */
export async function measureDispute(): Promise<{ seconds: number }> {
  throw new Error("the Subnet contract is not on main yet");
}
