/**
 * The `eval` report: gold documents × per-article predictions → micro-averaged P/R/F1 per
 * table, event attribute accuracies, the compromise baseline, per-article figures and the
 * misses / false positives behind them; plus its terminal and JSON renderings.
 */
import type { GoldDocument } from "../../schemas/Gold.js"
import { baselineEntities, baselineTypesAgree } from "./baseline.js"
import { genreFamily } from "./genres.js"
import { matchEntities, matchEvents, matchRelations } from "./match.js"
import type { EventAttributeAccuracies, Scores } from "./metrics.js"
import { attributeAccuracies, attributeChecks, countsOf, score, sumCounts } from "./metrics.js"
import type { PredictedDoc } from "./types.js"

/** Figures of one article. */
export interface DocReport {
  readonly doc: string
  /** The genre as stated for the article (null when none is), and its family. */
  readonly genre: string | null
  readonly genre_family: string
  readonly predicted: boolean
  readonly entities: Scores
  readonly events: Scores
  readonly relations: Scores
  readonly baseline_entities: Scores
}

/** Figures of a group of articles (all of them, or one genre family). */
export interface GroupFigures {
  readonly articles: number
  readonly tables: {
    readonly entities: Scores
    readonly events: Scores
    readonly relations: Scores
  }
  readonly events_attributes: EventAttributeAccuracies
  readonly baseline: { readonly entities: Scores }
}

/** The whole report (plain data, serialisable as is). */
export interface EvalReport extends GroupFigures {
  /** Figures per genre family (genre-family.ts), families in name order. */
  readonly by_genre: ReadonlyArray<GroupFigures & { readonly genre: string }>
  readonly per_doc: ReadonlyArray<DocReport>
  readonly misses: {
    readonly entities: ReadonlyArray<{
      readonly doc: string
      readonly name: string
      readonly type: string
    }>
    readonly events: ReadonlyArray<{
      readonly doc: string
      readonly id: string
      readonly type: string
      readonly quote: string
      readonly located: boolean
    }>
    readonly relations: ReadonlyArray<{
      readonly doc: string
      readonly subject: string
      readonly predicate: string
      readonly object: string
    }>
  }
  readonly false_positives: {
    readonly entities: ReadonlyArray<{
      readonly doc: string
      readonly id: string
      readonly name: string
      readonly type: string
    }>
    readonly events: ReadonlyArray<{
      readonly doc: string
      readonly id: string
      readonly type: string
      readonly quotes: ReadonlyArray<string>
    }>
    readonly relations: ReadonlyArray<{
      readonly doc: string
      readonly id: string
      readonly subject: string
      readonly predicate: string
      readonly object: string
    }>
  }
  /** Matched events with a wrong type, date, precision or modality: what was predicted and what the gold says. */
  readonly attribute_errors: ReadonlyArray<{
    readonly doc: string
    readonly id: string
    readonly pred_id: string
    readonly wrong: ReadonlyArray<"type" | "date" | "date_precision" | "modality">
    readonly predicted: {
      readonly type: string
      readonly date: string | null
      readonly date_precision: string
      readonly modality: string
    }
    readonly gold: {
      readonly type: string
      readonly date: string | null
      readonly date_precision: string
      readonly modality: string
    }
  }>
  /** Gold documents without any prediction (counted as all missed). */
  readonly not_predicted: ReadonlyArray<string>
  /** Predicted documents without a gold file (ignored). */
  readonly not_evaluated: ReadonlyArray<string>
}

/** Options: `texts` gives article texts for gold docs without predictions, so the baseline still runs there. */
export interface EvaluateOptions {
  readonly texts?: ReadonlyMap<string, string>
  /** Article file → genre as stated (see genres.ts); articles without one are "unspecified". */
  readonly genres?: ReadonlyMap<string, string>
}

/**
 * Evaluate predictions against gold. Documents are paired by `doc` (the article file name);
 * a gold doc without predictions counts as all missed (the baseline runs on its text only when
 * `options.texts` has it); predictions for docs without gold are ignored and listed in
 * `not_evaluated`. Counts are summed over articles before scoring (micro-average).
 */
export const evaluate = (
  pred: ReadonlyArray<PredictedDoc>,
  gold: ReadonlyArray<GoldDocument>,
  options: EvaluateOptions = {}
): EvalReport => {
  const goldDocs = new Set(gold.map((g) => g.doc))
  const articles = matchArticles(pred, gold, options.texts)
  const genreOf = (doc: string): string | null => options.genres?.get(doc) ?? null
  const families = [...new Set(articles.map((r) => genreFamily(genreOf(r.g.doc))))].sort()
  return {
    ...figuresOf(articles),
    by_genre: families.map((genre) => ({
      genre,
      ...figuresOf(articles.filter((r) => genreFamily(genreOf(r.g.doc)) === genre))
    })),
    per_doc: articles.map((r) => ({
      doc: r.g.doc,
      genre: genreOf(r.g.doc),
      genre_family: genreFamily(genreOf(r.g.doc)),
      predicted: r.found,
      entities: score(countsOf(r.ents)),
      events: score(countsOf(r.evts)),
      relations: score(countsOf(r.rels)),
      baseline_entities: score(r.baseCounts)
    })),
    misses: missesOf(articles),
    false_positives: falsePositivesOf(articles),
    attribute_errors: articles.flatMap(attributeErrorsOf),
    not_predicted: articles.filter((r) => !r.found).map((r) => r.g.doc),
    not_evaluated: pred.filter((p) => !goldDocs.has(p.doc)).map((p) => p.doc)
  }
}

/** One gold article paired with its predictions (none: `found` false), and what matched. */
interface ArticleMatch {
  readonly g: GoldDocument
  readonly p: PredictedDoc
  readonly found: boolean
  readonly ents: ReturnType<typeof matchEntities>
  readonly evts: ReturnType<typeof matchEvents>
  readonly rels: ReturnType<typeof matchRelations>
  readonly baseCounts: Counts
}

type Counts = { tp: number; fp: number; fn: number }

/** Each gold article matched with its predictions, and the baseline's entity counts on its text. */
const matchArticles = (
  pred: ReadonlyArray<PredictedDoc>,
  gold: ReadonlyArray<GoldDocument>,
  texts: ReadonlyMap<string, string> | undefined
): Array<ArticleMatch> => {
  const predByDoc = new Map(pred.map((p) => [p.doc, p] as const))
  return gold.map((g) => {
    const found = predByDoc.get(g.doc)
    const p: PredictedDoc = found ?? {
      doc: g.doc,
      text: texts?.get(g.doc) ?? "",
      entities: [],
      events: [],
      relations: []
    }
    const ents = matchEntities(p, g)
    const evts = matchEvents(p, g)
    const rels = matchRelations(p, g)
    const base =
      p.text === "" ? null : matchEntities({ ...p, entities: baselineEntities(p.text) }, g, baselineTypesAgree)
    const baseCounts = base === null ? { tp: 0, fp: 0, fn: g.entities.length } : countsOf(base)
    return { g, p, found: found !== undefined, ents, evts, rels, baseCounts }
  })
}

/** Micro-averaged figures of a group of articles. */
const figuresOf = (rs: ReadonlyArray<ArticleMatch>): GroupFigures => {
  const total = (f: (r: ArticleMatch) => Counts) => score(sumCounts(rs.map(f)))
  return {
    articles: rs.length,
    tables: {
      entities: total((r) => countsOf(r.ents)),
      events: total((r) => countsOf(r.evts)),
      relations: total((r) => countsOf(r.rels))
    },
    events_attributes: attributeAccuracies(rs.flatMap((r) => r.evts.matched)),
    baseline: { entities: total((r) => r.baseCounts) }
  }
}

/** The gold rows no prediction matched. */
const missesOf = (articles: ReadonlyArray<ArticleMatch>): EvalReport["misses"] => {
  const unlocated = new Set(articles.flatMap((r) => r.evts.unlocated))
  return {
    entities: articles.flatMap((r) =>
      r.ents.unmatchedGold.map((e) => ({
        doc: r.g.doc,
        name: e.name,
        type: e.type
      }))
    ),
    events: articles.flatMap((r) =>
      r.evts.unmatchedGold.map((e) => ({
        doc: r.g.doc,
        id: e.id,
        type: e.type,
        quote: e.quote,
        located: !unlocated.has(e)
      }))
    ),
    relations: articles.flatMap((r) =>
      r.rels.unmatchedGold.map((x) => ({
        doc: r.g.doc,
        subject: x.subject,
        predicate: x.predicate,
        object: x.object
      }))
    )
  }
}

/** The predicted rows no gold row matched. */
const falsePositivesOf = (articles: ReadonlyArray<ArticleMatch>): EvalReport["false_positives"] => ({
  entities: articles.flatMap((r) =>
    r.ents.unmatchedPred.map((e) => ({
      doc: r.g.doc,
      id: e.id,
      name: e.name,
      type: e.type
    }))
  ),
  events: articles.flatMap((r) => {
    const cps = [...r.p.text]
    return r.evts.unmatchedPred.map((e) => ({
      doc: r.g.doc,
      id: e.id,
      type: e.type,
      quotes: e.spans.map((s) => cps.slice(s.start, s.end).join(""))
    }))
  }),
  relations: articles.flatMap((r) =>
    r.rels.unmatchedPred.map((x) => ({
      doc: r.g.doc,
      id: x.id,
      subject: x.subject.name,
      predicate: x.predicate,
      object: x.object.name
    }))
  )
})

/** An article's matched events with a wrong attribute: what was predicted beside the gold. */
const attributeErrorsOf = (r: ArticleMatch): EvalReport["attribute_errors"] =>
  r.evts.matched.flatMap(({ pred, gold: g }) => {
    const checks = attributeChecks(pred, g)
    const wrong = ATTRIBUTES.filter((_, i) => !checks[i])
    return wrong.length === 0
      ? []
      : [
          {
            doc: r.g.doc,
            id: g.id,
            pred_id: pred.id,
            wrong,
            predicted: {
              type: pred.type,
              date: pred.date,
              date_precision: pred.precision,
              modality: pred.modality
            },
            gold: {
              type: g.type,
              date: g.date,
              date_precision: g.date_precision,
              modality: g.modality
            }
          }
        ]
  })

const ATTRIBUTES = ["type", "date", "date_precision", "modality"] as const

const num = (x: number): string => x.toFixed(3)
const row = (cells: ReadonlyArray<string>, widths: ReadonlyArray<number>): string =>
  cells
    .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
    .join("  ")
    .trimEnd()

/** Plain-text rendering for the terminal (figures with 3 decimals). */
export const formatReport = (r: EvalReport): string => {
  const w = [20, 5, 5, 5, 9, 6, 5]
  const scores = (name: string, s: Scores) =>
    row([name, String(s.tp), String(s.fp), String(s.fn), num(s.precision), num(s.recall), num(s.f1)], w)
  const aw = [34, 7, 5, 8]
  const acc = r.events_attributes
  const attr = (label: string, name: keyof EventAttributeAccuracies) =>
    row([label, String(acc[name].correct), String(acc[name].total), num(acc[name].accuracy)], aw)
  const gw = [26, 8, 8, 8, 9, 6, 6, 8, 8, 8]
  const genreRow = (g: EvalReport["by_genre"][number]) => {
    const a = g.events_attributes
    return row(
      [
        g.genre,
        String(g.articles),
        num(g.tables.entities.f1),
        num(g.tables.events.f1),
        num(g.tables.relations.f1),
        num(a.type.accuracy),
        num(a.date.accuracy),
        num(a.modality.accuracy),
        num(g.baseline.entities.f1)
      ],
      gw
    )
  }
  const dw = [52, 8, 8, 9, 8]
  return [
    `eval: ${r.per_doc.length} gold articles, ${r.not_predicted.length} without predictions, ${r.not_evaluated.length} predicted articles without gold`,
    "events are paired with gold by span overlap and a shared participant only; type, date and modality are scored " +
      "after",
    "",
    row(["table", "tp", "fp", "fn", "precision", "recall", "f1"], w),
    scores("entities", r.tables.entities),
    scores("events", r.tables.events),
    scores("relations", r.tables.relations),
    scores("baseline entities", r.baseline.entities),
    "",
    `event attributes on ${acc.type.total} matched events`,
    row(["attribute", "correct", "total", "accuracy"], aw),
    attr("type", "type"),
    attr("date (gold dated)", "date"),
    attr("date precision (gold dated)", "date_precision"),
    attr("both undated (gold undated)", "undated"),
    attr("modality", "modality"),
    "",
    row(
      ["genre (f1; accuracy)", "articles", "entities", "events", "relations", "type", "date", "modality", "baseline"],
      gw
    ),
    ...r.by_genre.map(genreRow),
    "",
    row(["article (f1)", "entities", "events", "relations", "baseline"], dw),
    ...r.per_doc.map((d) =>
      row(
        [
          d.predicted ? d.doc : `${d.doc} (none)`,
          num(d.entities.f1),
          num(d.events.f1),
          num(d.relations.f1),
          num(d.baseline_entities.f1)
        ],
        dw
      )
    ),
    ...(r.not_evaluated.length > 0 ? ["", `not evaluated (no gold): ${r.not_evaluated.join(", ")}`] : [])
  ].join("\n")
}

/** JSON rendering of the report (2-space indent, trailing newline). */
export const toJson = (r: EvalReport): string => `${JSON.stringify(r, null, 2)}\n`
