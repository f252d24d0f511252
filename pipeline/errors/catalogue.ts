/**
 * The error catalogue: every problem the pipeline reports, by stable kebab-case code, with the
 * stage that reports it, what happens, the message and the remedy (in the spirit of Frictionless's
 * error catalogue). Nothing here is written by hand: the entries are read from the error classes
 * (their `spec`, schemas/ErrorSpec.ts) and validate's problem kinds, and rendered into the README.
 */
import { EFFECTS, type ErrorClass, type ErrorSpec, isErrorClass, STAGES, templatesOf } from "../../schemas/ErrorSpec.js"
import * as ingestErrors from "../01-ingest/errors.js"
import * as lexiconErrors from "../03-extract/lexicon/Lexicons.js"
import * as publishErrors from "../05-publish/errors.js"
import * as clusterErrors from "../cluster/errors.js"
import * as evalErrors from "../eval/errors.js"
import * as exploreErrors from "../explore/errors.js"
import * as releaseErrors from "../release/errors.js"
import * as cacheErrors from "../run/cache.js"
import * as memoryErrors from "../run/memory.js"
import * as validateErrors from "../validate/errors.js"

/** The modules that declare error classes (their exports are searched; a test checks none is missed). */
const ERROR_MODULES: ReadonlyArray<Readonly<Record<string, unknown>>> = [
  ingestErrors,
  lexiconErrors,
  cacheErrors,
  memoryErrors,
  clusterErrors,
  publishErrors,
  releaseErrors,
  validateErrors,
  evalErrors,
  exploreErrors
]

/** One catalogue entry: a spec and the classes that carry it. */
export interface ErrorEntry {
  readonly spec: ErrorSpec<never>
  /** The error classes reporting this code (none for a validate problem, which is a record). */
  readonly classes: ReadonlyArray<string>
}

/** Every error class declared with `defineError`, in the modules above. */
export const errorClasses = (): ReadonlyArray<ErrorClass> =>
  ERROR_MODULES.flatMap((module) => Object.values(module).filter(isErrorClass))

const order = (spec: ErrorSpec<never>) =>
  [STAGES.indexOf(spec.stage), Object.keys(EFFECTS).indexOf(spec.effect)] as const

/** Every error the pipeline reports: by stage (in build order), then effect, then code. */
export const catalogue = (): ReadonlyArray<ErrorEntry> => {
  const bySpec = new Map<ErrorSpec<never>, Array<string>>()
  const add = (spec: ErrorSpec<never>, name: string | null) => {
    const names = bySpec.get(spec) ?? []
    if (name !== null) names.push(name)
    bySpec.set(spec, names)
  }
  for (const errorClass of errorClasses()) add(errorClass.spec, errorClass.name)
  for (const spec of validateErrors.problemSpecs()) add(spec, null)
  return [...bySpec]
    .map(([spec, classes]) => ({ spec, classes: classes.sort() }))
    .sort((a, b) => {
      const [stageA, effectA] = order(a.spec)
      const [stageB, effectB] = order(b.spec)
      return (
        stageA - stageB || effectA - effectB || (a.spec.code < b.spec.code ? -1 : a.spec.code > b.spec.code ? 1 : 0)
      )
    })
}

/** A table cell: pipes escaped, so a template or remedy cannot break the row. */
const cell = (text: string) => text.replace(/\|/g, "\\|")

/** The README's error section: what each effect means, then one row per code. */
export const renderCatalogue = (): string =>
  [
    ...Object.entries(EFFECTS).map(([effect, meaning]) => `- *${effect}*: ${meaning}.`),
    "",
    "| code | stage | effect | message | remedy |",
    "| --- | --- | --- | --- | --- |",
    ...catalogue().map(
      ({ spec }) =>
        `| \`${spec.code}\` | ${spec.stage} | ${spec.effect} | ${templatesOf(spec).map(cell).join(" *or* ")} | ${cell(spec.remedy)} |`
    )
  ].join("\n") + "\n"
