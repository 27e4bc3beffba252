// Converts ethers results (bigint, Result arrays/structs) into JSON-safe values.

/**
 * Deep-converts bigints to decimal strings and ethers `Result`s to plain objects (named keys when
 * available), so the value can go through JSON.stringify.
 *
 * @example
 * res.json(toJsonSafe(await subnet.getNode(op)));
 */
export function toJsonSafe(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) {
    const asObj = (value as { toObject?: (deep?: boolean) => Record<string, unknown> }).toObject;
    if (typeof asObj === "function") {
      try {
        const obj = asObj.call(value, false);
        const keys = Object.keys(obj);
        if (keys.length > 0 && !keys.every((k) => /^\d+$/.test(k)) && !keys.some((k) => k === "")) {
          return Object.fromEntries(keys.map((k) => [k, toJsonSafe(obj[k])]));
        }
      } catch {
        /* unnamed or duplicate keys: fall through to an array */
      }
    }
    return Array.from(value, toJsonSafe);
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSafe(v)]));
  }
  return value;
}
