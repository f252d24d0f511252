/** Renders the README's table reference from schemas/Tables.ts, so the documentation cannot drift from the data. */
import type { Column, TableDef } from "../../schemas/Column.js"
import { TABLES } from "../../schemas/Tables.js"

const ARROW: Record<Column["kind"], string> = {
  id: "utf8",
  text: "utf8",
  category: "dictionary<utf8>",
  int: "int32",
  float: "float64",
  bool: "bool",
  date: "date32",
  list: "list<utf8>"
}

/** Markdown: one section per table with its columns, Arrow types, nullability and descriptions. */
export const renderTablesDoc = (): string =>
  TABLES.map((def) => {
    const t = def as unknown as TableDef<Record<string, Column>>
    const rows = Object.entries(t.columns).map(
      ([name, c]) =>
        `| \`${name}\` | ${ARROW[c.kind]}${c.nullable ? ", nullable" : ""} | ${c.description}${c.values ? ` Values: ${c.values.join(", ")}.` : ""}${c.references ? ` References \`${c.references}\`.` : ""} |`
    )
    return `### \`${t.name}\`\n\n${t.description} Primary key: \`${t.primaryKey}\`.\n\n| column | Arrow type | description |\n| --- | --- | --- |\n${rows.join("\n")}\n`
  }).join("\n")

/** Replace the text between two HTML-comment markers. */
export const replaceBetween = (doc: string, name: string, body: string): string => {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const a = doc.indexOf(start)
  const b = doc.indexOf(end)
  if (a < 0 || b < a) throw new Error(`README has no ${start} … ${end} section`)
  return `${doc.slice(0, a + start.length)}\n${body}${doc.slice(b)}`
}
