/** `npx tsx pipeline/docs/updateReadme.ts`: regenerate the generated sections of README.md. */
import { readFileSync, writeFileSync } from "node:fs"
import { renderCatalogue } from "../errors/catalogue.js"
import { renderTablesDoc, replaceBetween } from "./tablesDoc.js"

const path = new URL("../../README.md", import.meta.url).pathname
writeFileSync(
  path,
  replaceBetween(
    replaceBetween(readFileSync(path, "utf8"), "tables", renderTablesDoc()),
    "error-catalogue",
    renderCatalogue()
  )
)
