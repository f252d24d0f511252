/** SHA-256 helpers. */
import { createHash, hash } from "node:crypto"

/** Hex SHA-256 of bytes or of a string's UTF-8 encoding. */
export const sha256 = (data: Uint8Array | string): string =>
  // crypto.hash (one call, no Hash object) is the faster way for inputs up to a few MB (Node's documentation)
  typeof data === "string" || data.byteLength <= 4 << 20
    ? hash("sha256", data, "hex")
    : createHash("sha256").update(data).digest("hex")
