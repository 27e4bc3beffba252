// A fresh secret salt for a vote commitment.
import { randomBytes } from "node:crypto";
import type { Hex } from "../protocol/Hex.js";

/**
 * 32 cryptographically random bytes as hex, to hide a vote until it is revealed. Keep it (e.g. in the validator's
 * database) until `revealVote`: without it the vote cannot be revealed and the member loses its reward.
 *
 * @example
 * const salt = randomVoteSalt();
 */
export function randomVoteSalt(): Hex {
  return `0x${randomBytes(32).toString("hex")}`;
}
