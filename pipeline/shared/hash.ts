/** SHA-256 helpers. */
import { createHash } from "node:crypto"

/** Hex SHA-256 of bytes or of a string's UTF-8 encoding. */
export const sha256 = (data: Uint8Array | string): string =>
  createHash("sha256").update(typeof data === "string" ? Buffer.from(data, "utf8") : data).digest("hex")
