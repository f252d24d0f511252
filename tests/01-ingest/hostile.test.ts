/**
 * Large and hostile folders at ingest: each source is published or rejected with its code, and
 * nothing crashes or stalls. `npm run reliability` builds the full-size cases (100,000 tiny files,
 * a sources.json of 100,000 rows) and reports their time and memory; here the sizes that would
 * take minutes if ingest were quadratic again.
 */
import { NodeContext } from "@effect/platform-node"
import { expect, layer } from "@effect/vitest"
import { Effect } from "effect"
import { afterAll } from "vitest"
import { MAX_SENTENCE_CHARS, overlongSentence } from "../../pipeline/01-ingest/decodeText.js"
import { ingestFolder } from "../../pipeline/01-ingest/Ingest.js"
import {
  type FolderCase,
  hostileNames,
  manifestRows,
  nestedFolders,
  oneSentence,
  removeDeep
} from "../../pipeline/reliability/folders.js"
import { tmpDir } from "../lib/tmp.js"

const made: Array<string> = []
afterAll(() => made.forEach(removeDeep))

/** Ingest a case's folder: [published count, { code: count }]. */
const ingest = Effect.fn(function* (c: FolderCase) {
  const dir = tmpDir("car-hostile-")
  made.push(dir)
  c.make(dir)
  const r = yield* ingestFolder(dir)
  const codes: Record<string, number> = {}
  for (const x of r.rejected) codes[x.code] = (codes[x.code] ?? 0) + 1
  return { counts: [r.accepted.length, codes] as const, rejected: r.rejected }
})

layer(NodeContext.layer)("hostile folders", (it) => {
  it.effect(
    "names with a line break, a tab, invalid UTF-8 or a bidi override are rejected as invalid-file-name, shown escaped on one line",
    () =>
      Effect.gen(function* () {
        const c = hostileNames()
        const r = yield* ingest(c)
        expect(r.counts).toEqual([c.published, c.rejected])
        expect(r.rejected.map((x) => x.file).sort()).toEqual([
          "\\u{202E}gnp.txt",
          "caf\\xE9.txt",
          "line\\nbreak.txt",
          "tab\\there.txt"
        ])
        expect(r.rejected.every((x) => !/[\n\t\u202e]/.test(x.message))).toBe(true)
        expect(r.rejected.find((x) => x.file === "caf\\xE9.txt")!.message).toContain(
          "not valid UTF-8 (byte 0xE9 at byte 3)"
        )
      })
  )

  it.effect(
    "10,000 nested folders and 10,000 side by side are passed over; a folder named like an article is path-not-allowed",
    () =>
      Effect.gen(function* () {
        const c = nestedFolders(10_000, 10_000)
        expect((yield* ingest(c)).counts).toEqual([c.published, c.rejected])
      }),
    120_000
  )

  it.effect(
    "a sources.json of 20,000 rows is read in one pass: each missing file named with its line",
    () =>
      Effect.gen(function* () {
        const c = manifestRows(20_000)
        const r = yield* ingest(c)
        expect(r.counts).toEqual([c.published, c.rejected])
        expect(r.rejected.at(-1)!.message).toContain("(line 20002)")
      }),
    120_000
  )

  it.effect(
    "a 4 MiB article that is one sentence is rejected as sentence-too-long, before extraction",
    () =>
      Effect.gen(function* () {
        const c = oneSentence()
        const r = yield* ingest(c)
        expect(r.counts).toEqual([c.published, c.rejected])
        expect(r.rejected[0]!.message).toMatch(/a sentence of \d+ characters at character 0/)
      }),
    120_000
  )

  it("overlongSentence splits as extraction does: a long line of short sentences passes, one long sentence does not", () => {
    const sentence = "Tokayev met Rubio in Astana. "
    expect(overlongSentence(sentence.repeat(2000))).toBe(null)
    expect(overlongSentence(`Intro.\n${"word ".repeat(MAX_SENTENCE_CHARS / 5 + 1)}`)).toEqual({
      offset: 7,
      chars: MAX_SENTENCE_CHARS + 4
    })
  })
})
