/** A bad lexicon stops the build with lexicon-invalid naming the file (and the line when there is one). */
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { LexiconInvalid, loadLexicons } from "../../pipeline/03-extract/lexicon/Lexicons.js"
import { tmpDir } from "../lib/tmp.js"

const failure = (dir: string): LexiconInvalid => {
  try {
    loadLexicons(dir)
  } catch (e) {
    if (e instanceof LexiconInvalid) return e
    throw e
  }
  throw new Error(`loadLexicons(${dir}) did not fail`)
}

describe("lexicon-invalid", () => {
  it("names the file and line of a bad header", () => {
    const dir = tmpDir()
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, "cues.v1.jsonl"), "not json\n")
    const e = failure(dir)
    expect([e.code, e.line]).toEqual(["lexicon-invalid", 1])
    expect(e.message).toMatch(/cues\.v1\.jsonl:1: bad header: /)
  })

  it("names the file without a line when the failure has none (not 'line 0')", () => {
    expect(new LexiconInvalid({ file: "pipeline/lexicons", detail: "ENOENT: no such folder" }).message).toBe(
      "pipeline/lexicons: ENOENT: no such folder"
    )
    expect(new LexiconInvalid({ file: "a.jsonl", line: 3, detail: "bad entry" }).message).toBe("a.jsonl:3: bad entry")
  })
})
