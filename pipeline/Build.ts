/**
 * The build: sources folder → ingest → normalise → extract → resolve → publish. The only place
 * the stages are chained. Per-article work (normalise + extract) is a pure function.
 */
import { Console, Effect, Option } from "effect"
import * as fs from "node:fs"
import * as nodePath from "node:path"
import { SCHEMA_VERSION } from "../schemas/version.js"
import { ingestFolder, type RejectedSource } from "./01-ingest/Ingest.js"
import { normalise } from "./02-normalise/Normalise.js"
import { extractArticle } from "./03-extract/extract.js"
import { loadLexicons, LexiconInvalid, type LexiconBundle } from "./03-extract/lexicon/Lexicons.js"
import { resolve, type ResolveInput } from "./04-resolve/Resolve.js"
import type { ReleaseTables } from "./04-resolve/tables.js"
import { VersionMismatch } from "./05-publish/errors.js"
import { contentHash, releaseFiles, textPathOf } from "./05-publish/files.js"
import { rowViolations } from "./05-publish/decodeRows.js"
import { cleanLeftovers, publishRelease, readLatest } from "./05-publish/Publish.js"
import { bumpReason, nextVersion } from "./05-publish/version.js"
import { releaseDate, sourceDateEpoch } from "./Config.js"
import { qualityMarkdown, scoreTables } from "./eval/score.js"
import { toJson } from "./eval/report.js"
import { Schema } from "effect"

/** Lexicons failed to load: the build cannot run. */
export class LexiconLoadFailed extends Schema.TaggedError<LexiconLoadFailed>()("LexiconLoadFailed", { file: Schema.String, line: Schema.Int, detail: Schema.String }) {
  static readonly code = "lexicon-invalid"
  override get message() {
    return `${this.file}:${this.line}: ${this.detail}`
  }
}

/** `build --strict` with rejected sources. */
export class StrictRejected extends Schema.TaggedError<StrictRejected>()("StrictRejected", { count: Schema.Int }) {
  static readonly code = "strict-rejected"
  override get message() {
    return `${this.count} source(s) rejected and --strict is set`
  }
}

/** Per-article work: normalise and extract (pure). */
export const processArticle = (src: Parameters<typeof normalise>[0], lex: LexiconBundle): ResolveInput => {
  const source = normalise(src)
  // events and relations are read from the body: not from the headline, repeated titles, credits, tags or urls
  const nonBody = source.boilerplate.filter((b) => b.kind !== "author_bio").map((b) => ({ start: b.start, end: b.end }))
  if (source.titleSpan) nonBody.push(source.titleSpan)
  return { source, extraction: extractArticle({ sourceId: source.sourceId, text: source.text, published: source.published, nonBody }, lex) }
}

/** Load the lexicons as an Effect. */
export const lexicons = Effect.try({
  try: () => loadLexicons(),
  catch: (e) => (e instanceof LexiconInvalid ? new LexiconLoadFailed({ file: e.file, line: e.line, detail: e.detail }) : new LexiconLoadFailed({ file: "pipeline/lexicons", line: 0, detail: String(e) }))
})

/** Everything a build computes before writing. */
export interface Built {
  readonly tables: ReleaseTables
  readonly rejected: ReadonlyArray<RejectedSource>
  readonly texts: ReadonlyMap<string, string>
  readonly lexiconHash: string
}

/** Sources folder → tables (no writing). */
export const buildTables = Effect.fn("Build.tables")(function* (sourcesDir: string) {
  const { accepted, rejected } = yield* ingestFolder(sourcesDir)
  for (const r of rejected) yield* Console.error(`rejected ${r.file}: [${r.code}] ${r.message}`)
  const lex = yield* lexicons
  const inputs = accepted.map((a) => processArticle(a, lex))
  const tables = resolve(inputs, textPathOf)
  const violations = rowViolations(tables)
  if (violations.length > 0) return yield* Effect.die(new Error(`rows break their table contracts (a pipeline bug):\n${violations.join("\n")}`))
  return { tables, rejected, texts: new Map(accepted.map((a) => [a.sourceId, a.text])), lexiconHash: lex.hash } satisfies Built
})

/** Options of the build command. */
export interface BuildOptions {
  readonly sources: string
  readonly out: string
  readonly version: Option.Option<string>
  readonly strict: boolean
}

/** The build command: write a new release when the content changed. */
export const build = Effect.fn("Build.run")(function* (opts: BuildOptions) {
  const left = cleanLeftovers(opts.out)
  for (const l of left) yield* Console.error(`removed leftover temporary directory ${nodePath.join(opts.out, l)} (an interrupted build)`)
  const built = yield* buildTables(opts.sources)
  if (opts.strict && built.rejected.length > 0) return yield* Effect.fail(new StrictRejected({ count: built.rejected.length }))
  const epoch = yield* sourceDateEpoch
  const newest = built.tables.sources.map((s) => s.published).filter((p): p is string => p !== null).sort().pop() ?? null
  const created = releaseDate(epoch, newest)
  const latest = readLatest(opts.out)
  const prevManifest = latest ? (JSON.parse(fs.readFileSync(nodePath.join(opts.out, latest.path, "manifest.json"), "utf8")) as { content_sha256: string; schema_version: string; sources: Array<{ source_id: string }> }) : null
  // the release's own evaluation, when the sources folder carries gold annotations (<sources>/gold)
  const goldDir = nodePath.join(opts.sources, "gold")
  const quality = fs.existsSync(goldDir) ? yield* scoreTables(built.tables, built.texts, goldDir) : null
  const extra = new Map<string, Uint8Array>(quality ? [["quality.json", new TextEncoder().encode(toJson(quality) + "\n")]] : [])
  const meta = {
    previousVersion: latest?.version ?? null,
    created,
    lexiconHash: built.lexiconHash,
    rejected: built.rejected,
    texts: built.texts,
    extra,
    ...(quality ? { quality: qualityMarkdown(quality, "the gold annotations shipped with the sources (`gold/*.gold.json`, format in `gold/FORMAT.md`)") } : {})
  }
  const probe = releaseFiles(built.tables, { ...meta, version: "0.0.0" })
  const content = contentHash(probe, built.rejected)
  const prevSources = new Set(prevManifest?.sources.map((s) => s.source_id) ?? [])
  const change = {
    schemaChanged: prevManifest !== null && prevManifest.schema_version !== SCHEMA_VERSION,
    sourcesChanged: prevManifest !== null && (prevSources.size !== built.tables.sources.length || built.tables.sources.some((s) => !prevSources.has(s.source_id))),
    contentChanged: prevManifest === null || prevManifest.content_sha256 !== content
  }
  const expected = nextVersion(latest?.version ?? null, change)
  if (expected === null) {
    yield* Console.error(`release ${latest!.version} is up to date: same content (${content.slice(0, 12)}); nothing to publish`)
    return { version: latest!.version, status: "unchanged" as const, built }
  }
  const version = Option.getOrElse(opts.version, () => expected)
  if (version !== expected && !(latest === null && /^\d+\.\d+\.\d+$/.test(version)))
    return yield* Effect.fail(new VersionMismatch({ requested: version, expected, reason: bumpReason(change) }))
  const files = releaseFiles(built.tables, { ...meta, version })
  const status = yield* publishRelease(opts.out, version, files)
  const t = built.tables
  yield* Console.error(
    `${status === "published" ? "published" : "already published"} ${nodePath.join(opts.out, version)}: ${t.sources.length} sources, ${t.entities.length} entities, ${t.events.length} events, ${t.relations.length} relations, ${t.evidence.length} evidence rows; ${built.rejected.length} rejected`
  )
  return { version, status, built }
})
