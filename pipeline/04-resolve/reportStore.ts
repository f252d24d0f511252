/**
 * The event reports and relations the resolver holds until every article is in, kept compactly. What clustering reads
 * (type, trigger, date, modality, place, participants and roles) is a small object per report whose strings, dates and
 * (participant, role) pairs are shared by every report that has them; what only rows and evidence read (spans, codes,
 * rule ids, confidences, relations) is in typed columns indexed by report. A quote is not kept when it is its span of
 * the article's text, which the build holds anyway: it is sliced again when the evidence is read.
 */
import type { EventMention, RelationMention } from "../../schemas/Extraction.js"
import type { Role } from "../../schemas/vocab.js"
import { makeUtf16Index } from "../shared/codepoints.js"
import type { EvidenceSource } from "./evidenceTable.js"
import type { MatchedMention } from "./mergeEvents.js"

/** A span as kept: its quote only when it is not its span of the text. */
export interface StoredSpan {
  readonly start: number
  readonly end: number
  readonly quote?: string
}

/** What clustering reads of one report, and its row in the store's columns. */
export interface StoredMention extends MatchedMention {
  readonly row: number
}

/** A relation as the rows read it. */
export type StoredRelation = Omit<RelationMention, "span"> & { readonly span: StoredSpan }

/** A growable column of one typed-array kind. */
class Grow<A extends Uint32Array | Float64Array> {
  n = 0
  constructor(
    public a: A,
    private readonly make: (n: number) => A
  ) {}
  push(x: number): void {
    if (this.n === this.a.length) {
      const b = this.make(this.n * 2)
      b.set(this.a)
      this.a = b
    }
    this.a[this.n++] = x
  }
}
const u32 = () => new Grow(new Uint32Array(1024), (n) => new Uint32Array(n))
const f64 = () => new Grow(new Float64Array(1024), (n) => new Float64Array(n))

/** One table of distinct strings: a string's code (null is 0), and its one copy. */
const interner = () => {
  const values: Array<string | null> = [null]
  const index = new Map<string, number>()
  const code = (s: string | null): number => {
    if (s === null) return 0
    let k = index.get(s)
    if (k === undefined) {
      index.set(s, (k = values.length))
      values.push(s)
    }
    return k
  }
  return { values, code, one: <S extends string | null>(s: S): S => values[code(s)] as S }
}

/** Is a quote its span of the article's text? */
type Exact = (s: EventMention["spans"][number]) => boolean

/** Spans in two columns, with the quotes that are not their span of the text. */
const spanColumns = () => {
  const start = u32()
  const end = u32()
  const odd = new Map<number, string>()
  return {
    count: () => start.n,
    add: (s: EventMention["spans"][number], exact: Exact): void => {
      if (!exact(s)) odd.set(start.n, s.quote)
      start.push(s.start)
      end.push(s.end)
    },
    at: (i: number): StoredSpan => {
      const quote = odd.get(i)
      return quote === undefined
        ? { start: start.a[i]!, end: end.a[i]! }
        : { start: start.a[i]!, end: end.a[i]!, quote }
    }
  }
}

/** Is a quote its span (code points) of the text? */
const sliceCheck = (text: string): Exact => {
  let toUtf16: ((cp: number) => number) | null = null
  return (s) => {
    toUtf16 ??= makeUtf16Index(text)
    const a = toUtf16(s.start)
    return toUtf16(s.end) - a === s.quote.length && text.startsWith(s.quote, a)
  }
}

type Interner = ReturnType<typeof interner>

/** What clustering reads of a report, with its strings, dates and (participant, role) pairs shared with other reports. */
const lightMaker = (strings: Interner) => {
  const shared = new Map<string, object>()
  /** One object for equal values. */
  const once = <T extends object>(key: string, make: () => T): T => {
    let x = shared.get(key) as T | undefined
    if (x === undefined) shared.set(key, (x = make()))
    return x
  }
  const participant = (p: EventMention["participants"][number]) =>
    once(`p|${p.role}|${p.key}`, () => ({ key: strings.one(p.key), role: p.role as Role }))
  return (e: EventMention, row: number): StoredMention => {
    const d = e.date
    return {
      row,
      type: strings.one(e.type),
      trigger: strings.one(e.trigger),
      date: once(`d|${d.value}|${d.precision}|${d.end}`, () => ({
        value: strings.one(d.value),
        precision: d.precision,
        ...(d.end !== undefined ? { end: strings.one(d.end) } : {})
      })),
      dateFromReport: e.dateFromReport,
      modality: strings.one(e.modality),
      location: strings.one(e.location),
      // reports of one clause often name the same participants: one list for them all
      participants: once(`l|${e.participants.map((p) => `${p.role}|${p.key}`).join("\n")}`, () =>
        e.participants.map(participant)
      )
    }
  }
}

/** Relations in columns: `add` keeps one, `at` gives it back. */
const relationColumns = (strings: Interner) => {
  const predicate = u32()
  const subject = u32()
  const object = u32()
  const role = u32()
  const method = u32()
  const confidence = f64()
  const spans = spanColumns()
  return {
    count: () => predicate.n,
    add: (r: RelationMention, exact: Exact): void => {
      predicate.push(strings.code(r.predicate))
      subject.push(strings.code(r.subject))
      object.push(strings.code(r.object))
      role.push(strings.code(r.role))
      method.push(strings.code(r.method))
      confidence.push(r.confidence)
      spans.add(r.span, exact)
    },
    at: (i: number): StoredRelation => ({
      predicate: strings.values[predicate.a[i]!] as RelationMention["predicate"],
      subject: strings.values[subject.a[i]!]!,
      object: strings.values[object.a[i]!]!,
      role: strings.values[role.a[i]!] ?? null,
      span: spans.at(i),
      method: strings.values[method.a[i]!]!,
      confidence: confidence.a[i]!
    })
  }
}

/**
 * A store of event reports (rows numbered in the order added) and relations (numbered likewise). `addArticle` keeps an
 * article's reports and relations and returns their ranges; nothing of the extraction objects is held after it.
 */
export const reportStore = () => {
  const strings = interner()
  const light = lightMaker(strings)
  const relations = relationColumns(strings)
  const mentions: Array<StoredMention> = []
  const codes = { cameo: u32(), plover: u32(), method: u32() }
  const confidence = f64()
  /** Report r's spans are spanFrom[r] .. spanFrom[r + 1]; its participants' spans start at partFrom[r]. */
  const spanFrom = u32()
  const partFrom = u32()
  const spans = spanColumns()
  const partSpans = spanColumns()
  spanFrom.push(0)

  const addEvent = (e: EventMention, exact: Exact): void => {
    mentions.push(light(e, mentions.length))
    codes.cameo.push(strings.code(e.cameo))
    codes.plover.push(strings.code(e.plover))
    codes.method.push(strings.code(e.method))
    confidence.push(e.confidence)
    for (const s of e.spans) spans.add(s, exact)
    spanFrom.push(spanFrom.a[spanFrom.n - 1]! + e.spans.length)
    partFrom.push(partSpans.count())
    for (const p of e.participants) partSpans.add(p.span, exact)
  }

  return {
    /** Keeps an article's event reports and relations; their rows are events.from .. to, relations.from .. to. */
    addArticle: (
      src: EvidenceSource,
      events: ReadonlyArray<EventMention>,
      found: ReadonlyArray<RelationMention>
    ): { readonly events: Range; readonly relations: Range } => {
      const exact = sliceCheck(src.text)
      const ev = { from: mentions.length, to: mentions.length + events.length }
      const rs = { from: relations.count(), to: relations.count() + found.length }
      for (const e of events) addEvent(e, exact)
      for (const r of found) relations.add(r, exact)
      return { events: ev, relations: rs }
    },
    /** What clustering reads of report `row`. */
    mention: (row: number): StoredMention => mentions[row]!,
    cameo: (row: number): string => strings.values[codes.cameo.a[row]!]!,
    plover: (row: number): EventMention["plover"] => strings.values[codes.plover.a[row]!] as EventMention["plover"],
    method: (row: number): string => strings.values[codes.method.a[row]!]!,
    confidence: (row: number): number => confidence.a[row]!,
    /** The spans of report `row`, in the order extracted. */
    spans: (row: number): Array<StoredSpan> => {
      const out: Array<StoredSpan> = []
      for (let i = spanFrom.a[row]!; i < spanFrom.a[row + 1]!; i++) out.push(spans.at(i))
      return out
    },
    spanCount: (row: number): number => spanFrom.a[row + 1]! - spanFrom.a[row]!,
    /** The span of report `row`'s k-th participant. */
    participantSpan: (row: number, k: number): StoredSpan => partSpans.at(partFrom.a[row]! + k),
    /** Relation `i` as extracted. */
    relation: (i: number): StoredRelation => relations.at(i)
  }
}

/** Rows from .. to (exclusive). */
export interface Range {
  readonly from: number
  readonly to: number
}

/** A report store. */
export type ReportStore = ReturnType<typeof reportStore>
