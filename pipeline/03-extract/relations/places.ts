/**
 * Places and resources: capitals ("Astana, Kazakhstan's capital"), cities in states ("Samarkand,
 * Uzbekistan", "the Kazakh port of Aktau") and the commodities a state or region holds
 * ("Kazakhstan is the world's top uranium producer", "Central Asia's reserves of rare earths").
 */
import type { Mention } from "../entities.js"
import { clauseAround, isRegion, spanOf, uniqByKey, type FoundRelation, type RelContext } from "./context.js"

/** Words that say a place holds a resource. */
const RESOURCE_CUES = new Set(["rich", "reserves", "reserve", "deposits", "deposit", "producer", "producers", "produces", "wealth", "resources", "mines", "mining", "exporter", "exporters"])
const CITY_WORDS = new Set(["city", "port", "town", "capital", "region"])
/** Words that make a clause deny or doubt what it says. */
const NEGATION = new Set(["not", "no", "never", "lacks", "without"])

/** Find capital_of, located_in and has_resource relations. */
export const placeRelations = (ctx: RelContext): Array<FoundRelation> => {
  const { doc, at } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  for (const [si, s] of doc.sentences.entries()) {
    const ms = ctx.perSentence[si]!
    const countries = ms.filter((m) => m.type === "country")

    // capital_of: "Astana, Kazakhstan's capital", "the capital of Kazakhstan, Astana", "Kazakhstan's capital, Astana"
    for (const m of ms) {
      if (m.type !== "location" || !m.gaz?.capitalOf) continue
      const c = countries.find((c) => c.gaz?.id === m.gaz!.capitalOf && Math.abs(c.tokStart - m.tokStart) <= 6)
      const window = tokens.slice(Math.max(s.tokStart, m.tokStart - 6), Math.min(s.tokEnd, m.tokEnd + 6)).map((t) => t.norm)
      if (c && window.includes("capital")) out.push({ predicate: "capital_of", subject: m, object: c, role: null, ...spanOf(m, c), method: "relation.capital.v1", confidence: 0.85 })
    }
    // located_in: "Samarkand, Uzbekistan", "in Bishkek, Kyrgyzstan", "Tashkent in Uzbekistan"
    for (const m of ms) {
      if (m.type !== "location" || isRegion(ctx, m)) continue
      const next = at[m.tokEnd + 1]
      if ((tokens[m.tokEnd]?.text === "," || tokens[m.tokEnd]?.norm === "in") && next?.type === "country" && next.via !== "demonym")
        out.push({ predicate: "located_in", subject: m, object: next, role: null, ...spanOf(m, next), method: "relation.place-comma-country.v1", confidence: 0.8 })
      // "the Chinese city of Xi'an", "the Kazakh port of Aktau"
      const prev2 = at[m.tokStart - 3]
      if (prev2?.via === "demonym" && tokens[m.tokStart - 1]?.norm === "of" && CITY_WORDS.has(tokens[m.tokStart - 2]?.norm ?? ""))
        out.push({ predicate: "located_in", subject: m, object: prev2, role: null, ...spanOf(prev2, m), method: "relation.demonym-city-of.v1", confidence: 0.75 })
    }
  }
  out.push(...resourceRelations(ctx))
  return out
}

/**
 * has_resource: a resource cue with its commodities in one clause, held by the state or region
 * written before the cue in that clause ("Kazakhstan is the world's top uranium producer",
 * "Central Asia's reserves of") or after "in" ("deposits of tungsten in Kazakhstan").
 */
const resourceRelations = (ctx: RelContext): Array<FoundRelation> => {
  const { doc } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  const holderOk = (m: Mention) => (m.type === "country" || isRegion(ctx, m)) && m.via !== "demonym" && m.via !== "metonym"
  for (const [si, s] of doc.sentences.entries()) {
    const ms = ctx.perSentence[si]!
    if (!ms.some((m) => m.type === "commodity")) continue
    for (let k = s.tokStart; k < s.tokEnd; k++) {
      if (!RESOURCE_CUES.has(tokens[k]!.norm)) continue
      const { from, to } = clauseAround(ctx, k, false)
      const inClause = ms.filter((m) => m.tokStart >= from && m.tokEnd <= to)
      const near = clauseAround(ctx, k, true)
      if (tokens.slice(near.from, near.to).some((t) => NEGATION.has(t.norm))) continue
      const before = inClause.filter((m) => holderOk(m) && m.tokEnd <= k && k - m.tokEnd <= 8)
      const inAfter = inClause.find((m) => holderOk(m) && m.tokStart > k && tokens[m.tokStart - 1]?.norm === "in")
      const h = before[before.length - 1] ?? inAfter
      if (!h) continue
      // the commodities near the cue and those listed with them ("rich in resources such as uranium, copper, gold, and rare earths")
      const near8 = inClause.filter((c) => c.type === "commodity" && Math.abs(c.tokStart - k) <= 8)
      const listed = [...near8]
      for (const c of inClause) {
        const last = listed[listed.length - 1]
        if (c.type !== "commodity" || !last || c.tokStart <= last.tokStart) continue
        if (tokens.slice(last.tokEnd, c.tokStart).every((t) => t.text === "," || t.norm === "and" || t.norm === "or")) listed.push(c)
      }
      // a commodity in a denied clause of its own is not held: "..., but the survey did not list tungsten"
      const denied = (c: Mention) => {
        const cl = clauseAround(ctx, c.tokStart, true)
        return tokens.slice(cl.from, cl.to).some((t) => NEGATION.has(t.norm))
      }
      for (const c of uniqByKey(listed).filter((c) => !denied(c)))
        out.push({ predicate: "has_resource", subject: h, object: c, role: null, start: Math.min(h.start, c.start, tokens[k]!.start), end: Math.max(h.end, c.end, tokens[k]!.end), method: "relation.resource.v1", confidence: 0.65 })
    }
  }
  return out
}
