/**
 * has_resource by construction: a resource cue with its commodities in one clause ("Chile is the
 * largest copper exporter", "lithium deposits in Bolivia", "rich in minerals such as tin and zinc"),
 * a possessive or demonym qualifying the commodity ("Peru's silver", "the country's lithium",
 * "Chilean copper"), "has / holds" with the commodity as object, a commodity "from" a state ("zinc
 * from Peru"), and a commodity's site with its state ("the Escondida copper mine in Chile").
 */
import type { Mention } from "../entities.js"
import { clauseAround, type FoundRelation, isRegion, type RelContext, skipArticles, uniqByKey } from "./context.js"

/** Words that say a place holds a resource. */
const RESOURCE_CUES = new Set([
  "rich",
  "reserves",
  "reserve",
  "deposits",
  "deposit",
  "producer",
  "producers",
  "produces",
  "produce",
  "production",
  "output",
  "wealth",
  "resources",
  "mines",
  "mining",
  "exporter",
  "exporters",
  "exports",
  "supplier",
  "suppliers",
  "fields"
])
/** Words that make a clause deny or doubt what it says. */
const NEGATION = new Set(["not", "no", "never", "lacks", "without"])
/** Words that join listed commodities ("uranium, copper and gold", "minerals such as uranium", "particularly rare earths"). */
const LIST_GLUE = new Set([
  ",",
  "and",
  "or",
  "such",
  "as",
  "including",
  "notably",
  "particularly",
  "especially",
  "like",
  "e.g.",
  "plus"
])
/** Words that open an apposition naming examples (", particularly rare earths"). */
const EXAMPLE_WORDS = new Set([
  "particularly",
  "including",
  "notably",
  "especially",
  "such",
  "like",
  "mainly",
  "mostly",
  "primarily",
  "chiefly",
  "namely"
])
/** Nouns after a qualified commodity that say the holder needs or buys it ("Kazakhstan's gas imports", "Chinese copper demand"). */
const NOT_HELD = new Set([
  "imports",
  "import",
  "importer",
  "importers",
  "demand",
  "consumption",
  "purchases",
  "purchase",
  "needs",
  "shortage",
  "shortages",
  "buyers",
  "buyer",
  "smelters",
  "smelter",
  "refiners",
  "refinery",
  "refineries",
  "processing",
  "prices",
  "price",
  "market",
  "markets",
  "traders",
  "deliveries",
  "transit"
])
/** Head nouns of a site where a commodity is found ("gas field", "gold mine"). */
const SITE_HEADS = new Set([
  "field",
  "fields",
  "mine",
  "mines",
  "deposit",
  "deposits",
  "basin",
  "reserve",
  "well",
  "wells"
])
/** Verbs whose object is what the subject holds ("Kazakhstan holds vast reserves of uranium"). */
const HAVE_VERBS = new Set(["has", "have", "holds", "hold", "possesses", "possess", "boasts", "contains"])
/** Words allowed between such a verb and the commodity. */
const AMOUNT_WORDS = new Set([
  "a",
  "an",
  "the",
  "some",
  "vast",
  "large",
  "huge",
  "big",
  "significant",
  "substantial",
  "abundant",
  "rich",
  "untapped",
  "proven",
  "known",
  "major",
  "considerable",
  "world",
  "'s",
  "largest",
  "biggest",
  "%",
  "percent",
  "per",
  "cent",
  "of",
  "reserves",
  "deposits",
  "resources",
  "supplies",
  "stocks",
  "about",
  "around",
  "nearly",
  "almost",
  "over",
  "more",
  "than"
])

/** Find has_resource relations. */
export const resourceRelations = (ctx: RelContext): Array<FoundRelation> => [
  ...cueRelations(ctx),
  ...qualifiedRelations(ctx)
]

const holderOk = (ctx: RelContext, m: Mention | undefined): m is Mention =>
  !!m && (m.type === "country" || isRegion(ctx, m)) && m.via !== "demonym" && m.via !== "metonym"

/** The commodities listed from commodity c on ("tin, zinc, silver and lithium"). */
const listFrom = (ctx: RelContext, c: Mention): Array<Mention> => {
  const { tokens } = ctx.doc
  const out = [c]
  for (let j = c.tokEnd; ; ) {
    let k = j
    while (k < j + 3 && LIST_GLUE.has(tokens[k]?.norm ?? "")) k++
    const n = ctx.at[k]
    if (k === j || n?.type !== "commodity" || n.tokStart !== k) break
    out.push(n)
    j = n.tokEnd
  }
  return out
}

/** A commodity in a denied clause of its own is not held: "..., although no cobalt was found". */
const denied = (ctx: RelContext, c: Mention) => {
  const cl = clauseAround(ctx, c.tokStart, true)
  return ctx.doc.tokens.slice(cl.from, cl.to).some((t) => NEGATION.has(t.norm))
}

/**
 * A resource cue with its commodities in one clause, held by the state or region written before the
 * cue in that clause ("the Andes' reserves of") or after "in" ("lithium deposits in Bolivia").
 */
const cueRelations = (ctx: RelContext): Array<FoundRelation> => {
  const { doc } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  for (const [si, s] of doc.sentences.entries()) {
    const ms = ctx.perSentence[si]!
    if (!ms.some((m) => m.type === "commodity")) continue
    for (let k = s.tokStart; k < s.tokEnd; k++) {
      if (!RESOURCE_CUES.has(tokens[k]!.norm)) continue
      const { from, to } = clauseAround(ctx, k, false)
      const inClause = ms.filter((m) => m.tokStart >= from && m.tokEnd <= to)
      const near = clauseAround(ctx, k, true)
      if (tokens.slice(near.from, near.to).some((t) => NEGATION.has(t.norm))) continue
      const before = inClause.filter((m) => holderOk(ctx, m) && m.tokEnd <= k && k - m.tokEnd <= 8)
      const inAfter = inClause.find((m) => holderOk(ctx, m) && m.tokStart > k && tokens[m.tokStart - 1]?.norm === "in")
      const h = before[before.length - 1] ?? inAfter
      if (!h) continue
      // the commodities near the cue in its comma-delimited clause, and those listed with them
      // (", particularly rare earths": an apposition that names the resources extends the clause)
      const to8 =
        tokens[near.to]?.text === "," && EXAMPLE_WORDS.has(tokens[near.to + 1]?.norm ?? "")
          ? clauseAround(ctx, near.to + 1, true).to
          : near.to
      const listed = inClause
        .filter(
          (c) => c.type === "commodity" && Math.abs(c.tokStart - k) <= 8 && c.tokStart >= near.from && c.tokEnd <= to8
        )
        .flatMap((c) => listFrom(ctx, c))
      for (const c of uniqByKey(listed).filter((c) => !denied(ctx, c)))
        out.push({
          predicate: "has_resource",
          subject: h,
          object: c,
          role: null,
          start: Math.min(h.start, c.start, tokens[k]!.start),
          end: Math.max(h.end, c.end, tokens[k]!.end),
          method: "relation.resource.v1",
          confidence: 0.65
        })
    }
  }
  return out
}

/** Commodities qualified by their holder: possessive, demonym, the object of "has / holds", or "from" a state. */
const qualifiedRelations = (ctx: RelContext): Array<FoundRelation> => {
  const { doc, at, mentions } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  const push = (h: Mention, c: Mention, start: number, method: string) => {
    for (const x of listFrom(ctx, c))
      if (!NOT_HELD.has(tokens[x.tokEnd]?.norm ?? "") && !denied(ctx, x))
        out.push({
          predicate: "has_resource",
          subject: h,
          object: x,
          role: null,
          start,
          end: x.end,
          method,
          confidence: 0.65
        })
  }
  for (const c of mentions) {
    if (c.type !== "commodity") continue
    // up to two lower-case modifiers between the holder and the commodity: "Kazakhstan's vast untapped uranium"
    let b = c.tokStart
    while (
      b > c.tokStart - 2 &&
      tokens[b - 1]?.kind === "word" &&
      !tokens[b - 1]!.cap &&
      !at[b - 1] &&
      tokens[b - 1]!.norm !== "'s" &&
      /^[a-z-]+$/.test(tokens[b - 1]!.norm) &&
      !HAVE_VERBS.has(tokens[b - 1]!.norm)
    )
      b--
    // "Kazakhstan's uranium", "the country's rare earths", "Central Asia's oil and gas"
    if (tokens[b - 1]?.norm === "'s" && holderOk(ctx, at[b - 2]))
      push(at[b - 2]!, c, at[b - 2]!.start, "relation.resource-possessive.v1")
    // a site of the commodity with its state: "Peru's Camisea natural gas field", "the Escondida copper mine in Chile"
    if (SITE_HEADS.has(tokens[c.tokEnd]?.norm ?? "")) {
      let n = b
      while (n > b - 3 && tokens[n - 1]?.cap && tokens[n - 1]!.kind === "word" && !at[n - 1]) n--
      const after = ["in", "of"].includes(tokens[c.tokEnd + 1]?.norm ?? "")
        ? at[skipArticles(ctx, c.tokEnd + 2)]
        : undefined
      if (n < b && tokens[n - 1]?.norm === "'s" && holderOk(ctx, at[n - 2]))
        push(at[n - 2]!, c, at[n - 2]!.start, "relation.resource-site.v1")
      else if (holderOk(ctx, after))
        out.push({
          predicate: "has_resource",
          subject: after,
          object: c,
          role: null,
          start: tokens[n]!.start,
          end: after.end,
          method: "relation.resource-site.v1",
          confidence: 0.65
        })
    }
    // "Turkmen gas", "Kazakh uranium", "Central Asian hydrocarbons" (the demonym right before the commodity)
    const d = at[c.tokStart - 1]
    if (d && d.via === "demonym" && d.tokEnd === c.tokStart && (d.type === "country" || isRegion(ctx, d)))
      push(d, c, d.start, "relation.resource-demonym.v1")
  }
  // a site named with its commodity and read as one name ("the Escondida copper mine" as a place): the commodity
  // inside it, held by the state before it ("Chile's ...") or after it ("... in Chile")
  for (const site of mentions) {
    if (site.type === "commodity" || site.type === "country" || !SITE_HEADS.has(tokens[site.tokEnd - 1]?.norm ?? ""))
      continue
    let c: Mention | undefined
    for (let x = site.tokStart; x < site.tokEnd - 1 && !c; x++) {
      const hit = doc.lex.names.longest(tokens, x)
      const e =
        hit && x + hit.length < site.tokEnd
          ? hit.values.map((id) => doc.lex.entities.get(id)).find((g) => g?.type === "commodity")
          : undefined
      if (e && hit)
        c = {
          key: `gaz:${e.id}`,
          type: "commodity",
          name: e.name,
          tokStart: x,
          tokEnd: x + hit.length,
          start: tokens[x]!.start,
          end: tokens[x + hit.length - 1]!.end,
          detection: "gazetteer",
          method: "entity.gazetteer.v1",
          confidence: 0.8,
          via: "name",
          gaz: e
        }
    }
    if (!c) continue
    const before = tokens[site.tokStart - 1]?.norm === "'s" ? at[site.tokStart - 2] : undefined
    const after = ["in", "of"].includes(tokens[site.tokEnd]?.norm ?? "")
      ? at[skipArticles(ctx, site.tokEnd + 1)]
      : undefined
    const h = holderOk(ctx, before) ? before : holderOk(ctx, after) ? after : undefined
    if (h)
      out.push({
        predicate: "has_resource",
        subject: h,
        object: c,
        role: null,
        start: Math.min(h.start, site.start),
        end: Math.max(h.end, site.end),
        method: "relation.resource-site.v1",
        confidence: 0.65
      })
  }
  for (let k = 1; k < tokens.length; k++) {
    // "<holder> (, which) has / holds (vast) reserves of <commodity>"
    if (HAVE_VERBS.has(tokens[k]!.norm)) {
      let j = k + 1
      while (j < k + 8 && (AMOUNT_WORDS.has(tokens[j]?.norm ?? "") || tokens[j]?.kind === "num")) j++
      const c = at[j]
      let hk = k - 1
      if (tokens[hk]?.norm === "which" && tokens[hk - 1]?.text === ",") hk -= 2
      while (hk > 0 && ["also", "still", "already"].includes(tokens[hk]!.norm)) hk--
      const h = at[hk]
      if (c?.type === "commodity" && c.tokStart === j && holderOk(ctx, h) && h.tokEnd === hk + 1)
        push(h, c, h.start, "relation.resource-have.v1")
    }
    // "<commodity> (supplies) from (the) <holder>": "natural gas from Turkmenistan's fields", "uranium from Kazakhstan"
    if (tokens[k]!.norm === "from") {
      const h = at[tokens[k + 1]?.norm === "the" ? k + 2 : k + 1]
      const c =
        at[k - 1]?.type === "commodity"
          ? at[k - 1]
          : at[k - 2]?.type === "commodity" &&
              ["supplies", "exports", "deliveries", "shipments"].includes(tokens[k - 1]!.norm)
            ? at[k - 2]
            : undefined
      if (c && holderOk(ctx, h))
        out.push({
          predicate: "has_resource",
          subject: h,
          object: c,
          role: null,
          start: c.start,
          end: h.end,
          method: "relation.resource-from.v1",
          confidence: 0.6
        })
    }
  }
  return out
}
