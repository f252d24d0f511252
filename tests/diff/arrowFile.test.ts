/** An Arrow file read batch by batch gives its table's rows; a column's byte-level test equals a test of its values. */

import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { Dictionary, Int32, makeVector, Table, tableToIPC, Utf8, vectorFromArray } from "apache-arrow"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { arrowFileBatches, holdsOneOf } from "../../pipeline/diff/arrowFile.js"
import { tmpDir } from "../lib/tmp.js"

const value = fc.oneof(
  fc.constant(null),
  fc.constantFrom("", "a", "ab", "abc", "abcd", "evt_0001", "evt_1001", "é", "xé𝔸"),
  fc.string({ maxLength: 9 })
)

describe("arrowFileBatches and holdsOneOf", () => {
  it("read each batch of a file, and test a Utf8 or dictionary column's values as a Set of strings would", () => {
    const dir = tmpDir()
    let n = 0
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 40 }),
        fc.array(fc.oneof(value, fc.string({ maxLength: 9 })), { maxLength: 6 }),
        fc.integer({ min: 1, max: 16 }),
        (values, wanted, size) => {
          const set = new Set(wanted.filter((w): w is string => w !== null))
          const chunks = Array.from({ length: Math.ceil(values.length / size) }, (_, i) =>
            values.slice(i * size, (i + 1) * size)
          )
          const distinct = [...new Set(values.filter((v): v is string => v !== null))]
          const dictionary = vectorFromArray(distinct, new Utf8())
          const type = new Dictionary(new Utf8(), new Int32(), 0)
          const table = new Table(
            chunks.map((c) => {
              const plain = vectorFromArray(c, new Utf8())
              const codes = makeVector({
                type,
                length: c.length,
                nullCount: c.filter((v) => v === null).length,
                nullBitmap: plain.data[0]!.nullBitmap,
                data: Int32Array.from(c, (v) => (v === null ? 0 : distinct.indexOf(v))),
                dictionary
              })
              return new Table({ plain, coded: codes }).batches[0]!
            })
          )
          const path = join(dir, `t${n++}.arrow`)
          writeFileSync(path, tableToIPC(table, "file"))
          const seen: Array<[unknown, boolean, boolean]> = []
          for (const b of arrowFileBatches(path)) {
            const [plain, coded] = [b.getChild("plain")!, b.getChild("coded")!]
            const [p, c] = [holdsOneOf(plain.data[0]!, set), holdsOneOf(coded.data[0]!, set)]
            for (let i = 0; i < b.numRows; i++) {
              expect(coded.get(i)).toBe(plain.get(i))
              seen.push([plain.get(i), p(i), c(i)])
            }
          }
          expect(seen).toEqual(values.map((v) => [v, v !== null && set.has(v), v !== null && set.has(v)]))
        }
      ),
      { numRuns: 200 }
    )
  })
})
