// Devnet tuning: short epochs and dispute windows so the whole loop runs in a couple of minutes.

const TOKEN = 10n ** 18n;

/** Subnet parameters of the devnet: 20-block epochs (10 s at 0.5 s blocks), commit in the first 10. */
export const DEVNET_SUBNET_PARAMS = {
  epochLength: 20n,
  commitBlocks: 10n,
  emissionPerEpoch: 1000n * TOKEN,
  minNodeStake: 100n * TOKEN,
  minValidatorStake: 100n * TOKEN,
  maxNodes: 256,
  maxValidators: 64,
  immunityBlocks: 10n,
  unbondingBlocks: 20n,
  maxTakeBps: 1800,
  takeStepBps: 200,
  takeCooldownBlocks: 10n,
  jailBlocks: 10_000n,
  kappa: 1n << 31n,
  bondsMovingAverage: 900000,
  nodesBps: 4100,
  validatorsBps: 4100,
};

/** Challenges windows of the devnet, in seconds (blocks for drawDelay). */
export const DEVNET_CHALLENGE_PARAMS = {
  commitWindow: 30n,
  responseWindow: 10n,
  voteCommitWindow: 20n,
  voteRevealWindow: 20n,
  drawDelay: 1n,
};

/** Block interval of the devnet chain (interval mining on top of automine). */
export const DEVNET_BLOCK_MS = 500;

/** Tokens minted to every devnet actor. */
export const DEVNET_FUNDING = 10_000n * TOKEN;
