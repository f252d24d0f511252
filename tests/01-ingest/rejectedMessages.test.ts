/** Rejected entries are rendered from the error classes: the message says what is wrong with this file. */
import { symlinkSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { MissingFile, NearDuplicate, rejectedSource } from "../../pipeline/01-ingest/errors.js"
import { ingestFolder } from "../../pipeline/01-ingest/Ingest.js"
import { sourcesWith } from "../lib/tmp.js"

describe("rejected messages", () => {
  it.effect("a dangling symlink is reported as a link to a missing file, not as manifest line 0", () =>
    Effect.gen(function* () {
      const dir = sourcesWith([], {})
      symlinkSync(join(dir, "gone.txt"), join(dir, "dangling.txt"))
      const r = yield* ingestFolder(dir).pipe(Effect.provide(NodeContext.layer))
      expect(r.rejected.map((x) => [x.file, x.code, x.message])).toEqual([
        ["dangling.txt", "missing-file", "dangling.txt: a symbolic link to a file that does not exist"]
      ])
    })
  )

  it("a rejected entry holds the class's code and rendered message, nothing else", () => {
    expect(rejectedSource(new NearDuplicate({ file: "b.txt", duplicateOf: "a.txt" }))).toEqual({
      file: "b.txt",
      code: "near-duplicate-source",
      message: "b.txt: the same article body as a.txt (only boilerplate differs); a source is published once"
    })
    expect(rejectedSource(new MissingFile({ file: "m.txt", line: 4 })).message).toBe(
      "m.txt: named in the sources manifest (line 4) but no such file exists"
    )
  })
})
