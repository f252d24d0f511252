/**
 * LOADING.md is generated from the column definitions: every column of every table has its kind's type in each
 * reader's map, a column added to a table shows up everywhere, and the text depends on nothing but its inputs.
 * (tests/examples/python.test.ts runs the Python, DuckDB and R code on built releases.)
 */
import { describe, expect, it } from "vitest"
import { wrapItems } from "../../pipeline/05-publish/snippetFormat.js"
import { loadingMarkdown, loadingSections } from "../../pipeline/05-publish/snippets.js"
import { type Column, type ColumnKind, col, defineTable, type TableDef } from "../../schemas/Column.js"
import { TABLES } from "../../schemas/Tables.js"

type Table = TableDef<Record<string, Column>>
const tables = TABLES as unknown as ReadonlyArray<Table>

/** The code of a reader's section. */
const code = (md: string, heading: string): string => {
  const m = new RegExp(`^## ${heading}\\n\\n\`\`\`\\w+\\n([\\s\\S]*?)^\`\`\``, "m").exec(md)
  if (m === null) throw new Error(`no section ${heading}`)
  return m[1]!
}

/** The entries of one table's block in a type map (Python `"t": {...}`, R `t = c(...)`, SQL view). */
const block = (src: string, open: string, close: string): string => {
  const start = src.indexOf(open)
  expect(start, open).toBeGreaterThanOrEqual(0)
  return src.slice(start, src.indexOf(close, start))
}

const TYPES: Record<string, { open: (t: string) => string; close: string; entry: (n: string, c: Column) => string }> = {
  polars: {
    open: (t) => `"${t}": {`,
    close: "\n    }",
    entry: (n, c) =>
      `"${n}": ${({ id: "pl.String", text: "pl.String", category: "pl.Categorical", int: "pl.Int32", float: "pl.Float64", bool: "pl.Boolean", date: "pl.Date", list: "pl.String" } as Record<ColumnKind, string>)[c.kind]}`
  },
  DuckDB: {
    open: (t) => `CREATE VIEW ${t} AS`,
    close: "});",
    entry: (n, c) =>
      `'${n}': '${({ id: "VARCHAR", text: "VARCHAR", category: "VARCHAR", int: "INTEGER", float: "DOUBLE", bool: "BOOLEAN", date: "DATE", list: "VARCHAR" } as Record<ColumnKind, string>)[c.kind]}'`
  },
  "base R": {
    open: (t) => `    ${t} = c(`,
    close: "\n    )",
    entry: (n, c) =>
      `${n} = "${({ id: "character", text: "character", category: "factor", int: "integer", float: "numeric", bool: "logical", date: "Date", list: "character" } as Record<ColumnKind, string>)[c.kind]}"`
  }
}

describe("LOADING.md", () => {
  const md = loadingMarkdown("1.2.3")

  it.each(Object.keys(TYPES))("%s: every column of every table, with its kind's type", (reader) => {
    const { open, close, entry } = TYPES[reader]!
    for (const t of tables) {
      const b = block(code(md, reader), open(t.name), close)
      for (const [n, c] of Object.entries(t.columns)) expect(b, `${t.name}.${n}`).toContain(entry(n, c))
    }
  })

  it("pandas and readr: categories with their values, dates parsed, only an empty field null, lists decoded", () => {
    const pandas = code(md, "pandas")
    expect(pandas).toContain(
      '"modality": pd.CategoricalDtype(["asserted", "planned", "expected", "hypothetical", "negated"])'
    )
    expect(pandas).toContain('DATES = {"sources": ["published_date"], "events": ["date_start"]}')
    expect(pandas).toContain("keep_default_na=False")
    const readr = code(md, "readr")
    expect(readr).toContain('role = col_factor(c("actor", "target", "participant"))')
    expect(readr).toContain('na = "", trim_ws = FALSE')
    for (const reader of ["polars", "pandas", "pyarrow"])
      expect(code(md, reader)).toContain(
        'LISTS = {"sources": ["boilerplate", "boilerplate_kinds"], "entities": ["aliases"]}'
      )
    expect(code(md, "data.table")).toContain("gsub('\"\"', '\"', dt[[c]], fixed = TRUE)")
  })

  it("is generated from the definitions: a new column of each kind appears in every reader", () => {
    const extra = defineTable("extra", "A table for the test.", {
      extra_id: col.id("ext", "Id."),
      label: col.text("Text."),
      kind: col.category(["a", "b"], "Category."),
      n: col.int("Count."),
      score: col.float("Score."),
      flag: col.bool("Flag."),
      day: col.dateNullable("Day."),
      tags: col.list("Tags.")
    }) as unknown as Table
    const out = loadingMarkdown("1.2.3", [...tables, extra])
    for (const [heading] of loadingSections([extra]).filter(([h]) => h !== "data.table" && h !== "R arrow"))
      for (const n of Object.keys(extra.columns))
        expect(code(out, heading), `${heading} ${n}`).toMatch(new RegExp(`\\b${n}\\b`))
    expect(code(out, "polars")).toContain('"extra": ["tags"]')
    expect(code(out, "DuckDB")).toContain(`SELECT * REPLACE (from_json(tags, '["VARCHAR"]') AS tags)`)
  })

  it("depends only on its inputs; names the version; every section fenced", () => {
    expect(loadingMarkdown("1.2.3")).toBe(md)
    expect(md.startsWith("# Loading release 1.2.3\n")).toBe(true)
    expect(loadingSections(tables).map(([h]) => h)).toEqual([
      "polars",
      "pandas",
      "pyarrow",
      "DuckDB",
      "readr",
      "base R",
      "data.table",
      "R arrow"
    ])
    expect(md.split("\n").filter((l) => l.startsWith("```")).length).toBe(16)
  })

  it("wraps type maps at 100 characters, an item longer than that alone on its line", () => {
    expect(wrapItems(["a", "b", "c"], "  ", 9)).toEqual(["  a, b,", "  c,"])
    expect(wrapItems(["x".repeat(20), "y"], "", 10)).toEqual([`${"x".repeat(20)},`, "y,"])
  })
})
