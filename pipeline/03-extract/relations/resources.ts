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
/**
 * Words that join listed commodities ("uranium, copper and gold", "minerals such as uranium", "particularly rare
 * earths").
 */
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
/**
 * Nouns after a qualified commodity that say the holder needs or buys it ("Kazakhstan's gas imports", "Chinese copper
 * demand").
 */
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

const hasResource = (
  subject: Mention,
  object: Mention,
  start: number,
  end: number,
  method: string,
  confidence: number
): FoundRelation => ({ predicate: "has_resource", subject, object, role: null, start, end, method, confidence })

/**
 * The holder has the commodity and those listed with it (not those it does not hold: "uranium imports", denied ones).
 */
const pushHeld = (
  ctx: RelContext,
  out: Array<FoundRelation>,
  holder: Mention,
  commodity: Mention,
  start: number,
  method: string
): void => {
  const { tokens } = ctx.doc
  for (const listed of listFrom(ctx, commodity))
    if (!NOT_HELD.has(tokens[listed.tokEnd]?.norm ?? "") && !denied(ctx, listed))
      out.push(hasResource(holder, listed, start, listed.end, method, 0.65))
}

/** Where the commodity's lower-case modifiers start (up to two): "Kazakhstan's vast untapped uranium". */
const modifiersStart = (ctx: RelContext, commodity: Mention): number => {
  const { at } = ctx
  const { tokens } = ctx.doc
  let b = commodity.tokStart
  while (
    b > commodity.tokStart - 2 &&
    tokens[b - 1]?.kind === "word" &&
    !tokens[b - 1]!.cap &&
    !at[b - 1] &&
    tokens[b - 1]!.norm !== "'s" &&
    /^[a-z-]+$/.test(tokens[b - 1]!.norm) &&
    !HAVE_VERBS.has(tokens[b - 1]!.norm)
  )
    b--
  return b
}

/**
 * A site of the commodity with its state: "Peru's Camisea natural gas field", "the Escondida copper mine in Chile";
 * `b` is where the commodity's modifiers start.
 */
const siteWithState = (ctx: RelContext, commodity: Mention, b: number, out: Array<FoundRelation>): void => {
  const { at } = ctx
  const { tokens } = ctx.doc
  let n = b
  while (n > b - 3 && tokens[n - 1]?.cap && tokens[n - 1]!.kind === "word" && !at[n - 1]) n--
  const after = ["in", "of"].includes(tokens[commodity.tokEnd + 1]?.norm ?? "")
    ? at[skipArticles(ctx, commodity.tokEnd + 2)]
    : undefined
  if (n < b && tokens[n - 1]?.norm === "'s" && holderOk(ctx, at[n - 2]))
    pushHeld(ctx, out, at[n - 2]!, commodity, at[n - 2]!.start, "relation.resource-site.v1")
  else if (holderOk(ctx, after))
    out.push(hasResource(after, commodity, tokens[n]!.start, after.end, "relation.resource-site.v1", 0.65))
}

/** A commodity qualified by its holder before it: possessive, a site's state, or a demonym. */
const qualifiedCommodity = (ctx: RelContext, commodity: Mention, out: Array<FoundRelation>): void => {
  const { at } = ctx
  const { tokens } = ctx.doc
  const b = modifiersStart(ctx, commodity)
  // "Kazakhstan's uranium", "the country's rare earths", "Central Asia's oil and gas"
  if (tokens[b - 1]?.norm === "'s" && holderOk(ctx, at[b - 2]))
    pushHeld(ctx, out, at[b - 2]!, commodity, at[b - 2]!.start, "relation.resource-possessive.v1")
  if (SITE_HEADS.has(tokens[commodity.tokEnd]?.norm ?? "")) siteWithState(ctx, commodity, b, out)
  // "Turkmen gas", "Kazakh uranium", "Central Asian hydrocarbons" (the demonym right before the commodity)
  const demonym = at[commodity.tokStart - 1]
  if (
    demonym &&
    demonym.via === "demonym" &&
    demonym.tokEnd === commodity.tokStart &&
    (demonym.type === "country" || isRegion(ctx, demonym))
  )
    pushHeld(ctx, out, demonym, commodity, demonym.start, "relation.resource-demonym.v1")
}

/** The commodity inside a site's name ("the Escondida copper mine"), as a gazetteer mention. */
const commodityInSite = (ctx: RelContext, site: Mention): Mention | undefined => {
  const { doc } = ctx
  const { tokens } = doc
  let commodity: Mention | undefined
  for (let x = site.tokStart; x < site.tokEnd - 1 && !commodity; x++) {
    const hit = doc.lex.names.longest(tokens, x)
    const entity =
      hit && x + hit.length < site.tokEnd
        ? hit.values.map((id) => doc.lex.entities.get(id)).find((g) => g?.type === "commodity")
        : undefined
    if (entity && hit)
      commodity = {
        key: `gaz:${entity.id}`,
        type: "commodity",
        name: entity.name,
        tokStart: x,
        tokEnd: x + hit.length,
        start: tokens[x]!.start,
        end: tokens[x + hit.length - 1]!.end,
        detection: "gazetteer",
        method: "entity.gazetteer.v1",
        confidence: 0.8,
        via: "name",
        gaz: entity
      }
  }
  return commodity
}

/**
 * A site named with its commodity and read as one name ("the Escondida copper mine" as a place): the commodity
 * inside it, held by the state before it ("Chile's ...") or after it ("... in Chile").
 */
const namedSite = (ctx: RelContext, site: Mention, out: Array<FoundRelation>): void => {
  const { at } = ctx
  const { tokens } = ctx.doc
  if (site.type === "commodity" || site.type === "country" || !SITE_HEADS.has(tokens[site.tokEnd - 1]?.norm ?? ""))
    return
  const commodity = commodityInSite(ctx, site)
  if (!commodity) return
  const before = tokens[site.tokStart - 1]?.norm === "'s" ? at[site.tokStart - 2] : undefined
  const after = ["in", "of"].includes(tokens[site.tokEnd]?.norm ?? "")
    ? at[skipArticles(ctx, site.tokEnd + 1)]
    : undefined
  const holder = holderOk(ctx, before) ? before : holderOk(ctx, after) ? after : undefined
  if (holder)
    out.push(
      hasResource(
        holder,
        commodity,
        Math.min(holder.start, site.start),
        Math.max(holder.end, site.end),
        "relation.resource-site.v1",
        0.65
      )
    )
}

/** "<holder> (, which) has / holds (vast) reserves of <commodity>", at the verb (token k). */
const holderHas = (ctx: RelContext, k: number, out: Array<FoundRelation>): void => {
  const { at } = ctx
  const { tokens } = ctx.doc
  let j = k + 1
  while (j < k + 8 && (AMOUNT_WORDS.has(tokens[j]?.norm ?? "") || tokens[j]?.kind === "num")) j++
  const commodity = at[j]
  let hk = k - 1
  if (tokens[hk]?.norm === "which" && tokens[hk - 1]?.text === ",") hk -= 2
  while (hk > 0 && ["also", "still", "already"].includes(tokens[hk]!.norm)) hk--
  const holder = at[hk]
  if (commodity?.type === "commodity" && commodity.tokStart === j && holderOk(ctx, holder) && holder.tokEnd === hk + 1)
    pushHeld(ctx, out, holder, commodity, holder.start, "relation.resource-have.v1")
}

/**
 * "<commodity> (supplies) from (the) <holder>": "natural gas from Turkmenistan's fields", "uranium from Kazakhstan".
 */
const commodityFrom = (ctx: RelContext, k: number, out: Array<FoundRelation>): void => {
  const { at } = ctx
  const { tokens } = ctx.doc
  const holder = at[tokens[k + 1]?.norm === "the" ? k + 2 : k + 1]
  const commodity =
    at[k - 1]?.type === "commodity"
      ? at[k - 1]
      : at[k - 2]?.type === "commodity" &&
          ["supplies", "exports", "deliveries", "shipments"].includes(tokens[k - 1]!.norm)
        ? at[k - 2]
        : undefined
  if (commodity && holderOk(ctx, holder))
    out.push(hasResource(holder, commodity, commodity.start, holder.end, "relation.resource-from.v1", 0.6))
}

/** Commodities qualified by their holder: possessive, demonym, the object of "has / holds", or "from" a state. */
const qualifiedRelations = (ctx: RelContext): Array<FoundRelation> => {
  const { tokens } = ctx.doc
  const out: Array<FoundRelation> = []
  for (const commodity of ctx.mentions) if (commodity.type === "commodity") qualifiedCommodity(ctx, commodity, out)
  for (const site of ctx.mentions) namedSite(ctx, site, out)
  for (let k = 1; k < tokens.length; k++) {
    if (HAVE_VERBS.has(tokens[k]!.norm)) holderHas(ctx, k, out)
    if (tokens[k]!.norm === "from") commodityFrom(ctx, k, out)
  }
  return out
}
