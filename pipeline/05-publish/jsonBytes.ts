/**
 * JSON text written straight into UTF-8 bytes (the release's JSON-LD: 1.3 GB for 10,000 articles), with no string
 * per node to build, measure and encode again. Each method writes the bytes `Buffer.from(JSON.stringify(v))` would.
 */

/** A character JSON.stringify writes otherwise than as itself, or one that is not ASCII. */
const isPlain = (c: number): boolean => c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c

/** A growable buffer of UTF-8 bytes: `view()` is what has been written since `reset()`. */
export class ByteWriter {
  private buf: Buffer
  pos = 0

  constructor(private readonly initial: number = 1 << 16) {
    this.buf = Buffer.allocUnsafe(initial)
  }

  /** Forget what was written (a buffer grown past 16 MiB for one large node is let go). */
  reset(): void {
    this.pos = 0
    if (this.buf.length > 1 << 24) this.buf = Buffer.allocUnsafe(this.initial)
  }

  /** The bytes written (a view: valid until the next write or reset). */
  view(): Buffer {
    return this.buf.subarray(0, this.pos)
  }

  /** Room for `n` more bytes. */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n))
    this.buf.copy(grown, 0, 0, this.pos)
    this.buf = grown
  }

  /** Bytes as they are. */
  bytes(b: Uint8Array): void {
    const n = b.length
    this.room(n)
    const buf = this.buf
    const pos = this.pos
    if (n > 64) buf.set(b, pos)
    else for (let i = 0; i < n; i++) buf[pos + i] = b[i]!
    this.pos = pos + n
  }

  /** A string as UTF-8 (JSON text, never a lone surrogate: one is written as U+FFFD). */
  utf8(s: string): void {
    this.room(s.length * 3)
    this.pos += this.buf.write(s, this.pos, "utf8")
  }

  /** JSON.stringify(s) without its quotes. */
  jsonChars(s: string): void {
    const n = s.length
    this.room(n)
    const buf = this.buf
    let pos = this.pos
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i)
      if (!isPlain(c)) {
        // the rest from its first character that is not plain ASCII (never the second half of a pair)
        this.pos = pos
        const rest = i === 0 ? s : s.slice(i)
        const text = JSON.stringify(rest)
        this.utf8(text.length === rest.length + 2 ? rest : text.slice(1, -1))
        return
      }
      buf[pos++] = c
    }
    this.pos = pos
  }

  /** JSON.stringify(s). */
  jsonString(s: string): void {
    this.byte(0x22)
    this.jsonChars(s)
    this.byte(0x22)
  }

  /** JSON.stringify(n) for a number (digits alone for a non-negative integer below 2^32). */
  number(n: number): void {
    if (n >= 0 && n < 2 ** 32 && n === Math.floor(n)) {
      let digits = 1
      for (let p = 10; p <= n; p *= 10) digits++
      this.room(digits)
      for (let k = this.pos + digits - 1; k >= this.pos; k--, n = Math.floor(n / 10)) this.buf[k] = 0x30 + (n % 10)
      this.pos += digits
    } else this.utf8(JSON.stringify(n))
  }

  /** One byte. */
  byte(b: number): void {
    this.room(1)
    this.buf[this.pos++] = b
  }
}

/** A value's JSON text as UTF-8 bytes (for values written many times: encoded once). */
export const jsonBytes = (v: unknown): Buffer => Buffer.from(JSON.stringify(v), "utf8")
