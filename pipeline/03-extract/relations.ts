/**
 * Relations stated in a clause: positions named by titles ("Kazakh President X", "X, the U.S.
 * ambassador to India", "X is president of Y"), party membership, joining, lists of a
 * region's states, capitals, city–country pairs, resources, affiliations and partnerships.
 */
import type { Predicate } from "../../schemas/vocab.js"
import { bySentence, inList, type Doc } from "./doc.js"
import type { Mention } from "./entities.js"

/** A relation found in the text (UTF-16 span of its evidence). */
export interface FoundRelation {
  readonly predicate: Predicate
  readonly subject: Mention
  readonly object: Mention
  readonly role: string | null
  readonly start: number
  readonly end: number
  readonly method: string
  readonly confidence: number
}

const STATE_TYPES = new Set(["country"])
/** Words that make "join" hypothetical or future rather than membership. */
const UNREAL_JOIN = new Set(["will", "would", "may", "might", "could", "plans", "plan", "planned", "expected", "intends", "set", "aims", "seeks", "wants", "not", "never", "considering"])
/** Words that signal a partnership between states. */
const PARTNER_CUES = new Set(["partner", "partners", "partnership", "ally", "allies", "alliance", "agreement", "ties", "relations", "treaty", "cooperation", "relationship", "deal"])
/** Words that say states take part in a format. */
const FORMAT_CUES = new Set(["format", "platform", "mechanism", "members", "brought", "attended", "attend", "participants", "between", "under"])
/** Words that say a place holds a resource. */
const RESOURCE_CUES = new Set(["rich", "reserves", "reserve", "deposits", "deposit", "producer", "produces", "wealth", "resources", "mines", "mining", "exporter"])
/** Words that open a list of a region's members ("in Africa, including Nigeria, ..."). */
const LIST_CUES = new Set([",", ":", "—", "–", "-", "(", "including", "such", "like", "namely", "to", "from", "of", "as", "are", "were", "is"])
const ORG_TYPES = new Set(["organization"])

/** Index mentions by token for O(1) lookup. */
const mentionAt = (mentions: ReadonlyArray<Mention>, n: number): Array<Mention | undefined> => {
  const at: Array<Mention | undefined> = new Array(n)
  for (const m of mentions) for (let k = m.tokStart; k < m.tokEnd; k++) if (!at[k]) at[k] = m
  return at
}

const span = (doc: Doc, a: number, b: number) => ({ start: doc.tokens[a]!.start, end: doc.tokens[b - 1]!.end })

const positionOf = (m: Mention, role: string, at: string | null): { of: string } | null => {
  const ps = m.gaz?.positions ?? []
  const r = role.toLowerCase()
  const hit = ps.find((p) => p.role.toLowerCase() === r && (at === null || ((p.from ?? "0000") <= at && (p.to ?? "9999") >= at)))
  return hit ? { of: hit.of } : (ps.find((p) => p.role.toLowerCase() === r) ?? null)
}

/** Find relations in a document given its mentions. */
export const findRelations = (doc: Doc, mentions: ReadonlyArray<Mention>): Array<FoundRelation> => {
  const { tokens, lex } = doc
  const n = tokens.length
  const at = mentionAt(mentions, n)
  const out: Array<FoundRelation> = []
  const regionIds = new Set<string>()
  for (const e of lex.entities.values()) for (const r of e.partOf) regionIds.add(r)
  const isRegion = (m: Mention) => m.type === "location" && m.gaz !== null && regionIds.has(m.gaz.id)
  const gazCountry = (id: string): Mention | null => {
    const e = lex.entities.get(id)
    return e ? ({ key: `gaz:${e.id}`, type: e.type, name: e.name, tokStart: -1, tokEnd: -1, start: -1, end: -1, detection: "gazetteer", method: "entity.gazetteer.v1", confidence: 0.9, via: "name", gaz: e } satisfies Mention) : null
  }

  // -- holds_position / affiliated_with from titles
  for (let i = 0; i < n; i++) {
    const t = lex.titles.longest(tokens, i)
    if (!t) continue
    const title = t.values[0]!
    const j = i + t.length
    let roleStart = i
    // qualifiers written before the title: "Kazakh Energy Minister", "U.S. Secretary of State", "Republican Senator"
    let k = i - 1
    while (k >= 0 && tokens[k]!.cap && !at[k] && tokens[k]!.kind === "word" && i - k <= 2 && !inList(doc, "non_name", tokens[k]!.norm)) k--
    const qualifier = k >= 0 ? at[k] : undefined
    if (k < i - 1) roleStart = k + 1
    let possessive = qualifier && tokens[qualifier.tokEnd]?.norm === "'s" ? 1 : 0
    if (qualifier && qualifier.tokEnd + possessive !== roleStart && qualifier.tokEnd !== roleStart) possessive = -1
    // the person named right after the title ("President Donald Trump") or before it in an apposition
    let person = at[j]?.type === "person" ? at[j] : undefined
    let evStart = qualifier && possessive >= 0 ? qualifier.tokStart : roleStart
    let evEnd = person ? person.tokEnd : j
    let roleEnd = j
    // "ambassador to India", "special envoy to Central Asia", "Minister of Economy"
    if (!person && (tokens[j]?.norm === "to" || tokens[j]?.norm === "for") && at[j + 1]) {
      roleEnd = at[j + 1]!.tokEnd
      evEnd = roleEnd
    }
    if (!person) {
      // "Sergio Gor, the U.S. ambassador to India" / "Dzhuraev, a political scientist at"
      let b = (qualifier && possessive >= 0 ? qualifier.tokStart : roleStart) - 1
      while (b >= 0 && ["the", "a", "an"].includes(tokens[b]!.norm)) b--
      if (tokens[b]?.text === "," && at[b - 1]?.type === "person") {
        person = at[b - 1]
        evStart = person!.tokStart
      } else if (tokens[b]?.norm === "is" && at[b - 1]?.type === "person") {
        person = at[b - 1]
        evStart = person!.tokStart
      }
    }
    if (!person) continue
    const role = doc.text.slice(tokens[roleStart]!.start, tokens[roleEnd - 1]!.end)
    // the holder: a country or organisation qualifier, an "of X" after the title or the name, or the gazetteer
    const isParty = (m: Mention | null | undefined) => !!m && m.type === "organization" && /party/i.test(m.name)
    let holder: Mention | null = qualifier && possessive >= 0 && !isParty(qualifier) && (STATE_TYPES.has(qualifier.type) || ORG_TYPES.has(qualifier.type)) ? qualifier : null
    const afterOf = (p: number) => (tokens[p]?.norm === "of" || tokens[p]?.norm === "at" ? at[p + 1] : undefined)
    const ofAfterTitle = afterOf(roleEnd)
    const ofAfterName = afterOf(person.tokEnd)
    const of = ofAfterTitle ?? ofAfterName
    if (!holder && of && (STATE_TYPES.has(of.type) || ORG_TYPES.has(of.type))) {
      holder = of
      evEnd = Math.max(evEnd, of.tokEnd)
    }
    if (title.predicate === "affiliated_with") {
      if (holder && ORG_TYPES.has(holder.type))
        out.push({ predicate: "affiliated_with", subject: person, object: holder, role, ...span(doc, evStart, evEnd), method: "relation.occupation-at.v1", confidence: 0.7 })
      continue
    }
    if (!holder) {
      const p = positionOf(person, title.title, doc.ref.value)
      if (p) holder = gazCountry(p.of)
    }
    if (!holder) continue
    // the party that qualifies a title: "Republican Senator James Risch"
    if (isParty(qualifier) && possessive === 0)
      out.push({ predicate: "member_of", subject: person, object: qualifier!, role: null, ...span(doc, evStart, evEnd), method: "relation.party-title.v1", confidence: 0.75 })
    if (isParty(holder)) continue
    out.push({ predicate: "holds_position", subject: person, object: holder, role, ...span(doc, Math.min(evStart, person.tokStart), Math.max(evEnd, person.tokEnd)), method: "relation.title.v1", confidence: holder.tokStart >= 0 ? 0.85 : 0.75 })
  }

  // -- sentence-level patterns
  const perSentence = bySentence(doc, mentions)
  for (const [si, s] of doc.sentences.entries()) {
    const ms = perSentence[si]!
    const words = tokens.slice(s.tokStart, s.tokEnd).map((t) => t.norm)
    const countries = ms.filter((m) => m.type === "country")
    const sp = { start: s.start, end: s.end }

    // capital_of: "Astana, Kazakhstan's capital", "the capital of Kazakhstan, Astana", "Kazakhstan's capital, Astana"
    for (const m of ms) {
      if (m.type !== "location" || !m.gaz?.capitalOf) continue
      const c = countries.find((c) => c.gaz?.id === m.gaz!.capitalOf && Math.abs(c.tokStart - m.tokStart) <= 6)
      const window = tokens.slice(Math.max(s.tokStart, m.tokStart - 6), Math.min(s.tokEnd, m.tokEnd + 6)).map((t) => t.norm)
      if (c && window.includes("capital")) out.push({ predicate: "capital_of", subject: m, object: c, role: null, ...spanOf(doc, m, c), method: "relation.capital.v1", confidence: 0.85 })
    }
    // located_in: "Samarkand, Uzbekistan", "in Bishkek, Kyrgyzstan", "Tashkent in Uzbekistan"
    for (const m of ms) {
      if (m.type !== "location" || isRegion(m)) continue
      const next = at[m.tokEnd + 1]
      if ((tokens[m.tokEnd]?.text === "," || tokens[m.tokEnd]?.norm === "in") && next?.type === "country" && next.via !== "demonym")
        out.push({ predicate: "located_in", subject: m, object: next, role: null, ...spanOf(doc, m, next), method: "relation.place-comma-country.v1", confidence: 0.8 })
      // "the Chinese city of Xi'an", "the Kazakh port of Aktau"
      const prev2 = at[m.tokStart - 3]
      if (prev2?.via === "demonym" && tokens[m.tokStart - 1]?.norm === "of" && ["city", "port", "town", "capital", "region"].includes(tokens[m.tokStart - 2]?.norm ?? ""))
        out.push({ predicate: "located_in", subject: m, object: prev2, role: null, ...spanOf(doc, prev2, m), method: "relation.demonym-city-of.v1", confidence: 0.75 })
    }
    // has_resource: a state or region with commodities in a clause about resources
    const commodities = ms.filter((m) => m.type === "commodity")
    const cue = tokens.slice(s.tokStart, s.tokEnd).findIndex((t) => RESOURCE_CUES.has(t.norm))
    if (commodities.length > 0 && cue >= 0) {
      const k = s.tokStart + cue
      const holderOk = (m: Mention) => (m.type === "country" || isRegion(m)) && m.via !== "demonym" && m.via !== "metonym"
      // "Central Asia's reserves of", "Kazakhstan is rich in", "deposits of tungsten in Kazakhstan"
      const before = ms.filter((m) => holderOk(m) && m.tokEnd <= k && k - m.tokEnd <= 4)
      const inAfter = ms.find((m) => holderOk(m) && m.tokStart > k && tokens[m.tokStart - 1]?.norm === "in")
      const h = before[before.length - 1] ?? inAfter
      if (h) for (const c of commodities) out.push({ predicate: "has_resource", subject: h, object: c, role: null, ...sp, method: "relation.resource.v1", confidence: 0.65 })
    }
    // member_of: "X joined / will join / has joined the Y", "X, a member of Y"
    const joinAt = tokens.slice(s.tokStart, s.tokEnd).findIndex((t) => ["joined", "joins", "join", "member", "members", "entered", "accession"].includes(t.norm))
    // "is expected to join", "plans to join", "will join" are not membership; "the first country to join" is
    const unreal = joinAt >= 0 && tokens.slice(Math.max(s.tokStart, s.tokStart + joinAt - 4), s.tokStart + joinAt).some((t) => UNREAL_JOIN.has(t.norm))
    if (joinAt >= 0 && !unreal) {
      const groups = ms.filter((m) => m.type === "initiative" || m.type === "organization")
      const joiners = ms.filter((m) => (m.type === "country" || m.type === "person") && m.via !== "demonym")
      for (const g of groups) for (const j of joiners) if (j.tokStart < g.tokStart) out.push({ predicate: "member_of", subject: j, object: g, role: null, ...sp, method: "relation.join.v1", confidence: 0.65 })
    }
    // the states listed as taking part in a format or platform: "the summit, held under the C5+1
    // format, brought together the presidents of A, B, C"
    const formats = ms.filter((m) => m.type === "initiative")
    const listed = uniqByKey(countries.filter((c) => c.via === "name" || c.via === "demonym"))
    if (formats.length > 0 && listed.length >= 3 && words.some((w) => FORMAT_CUES.has(w)))
      for (const f of formats) for (const c of listed) out.push({ predicate: "member_of", subject: c, object: f, role: null, ...sp, method: "relation.format-members.v1", confidence: 0.55 })
    // partner_of: "an agreement between Armenia and Azerbaijan", "Kazakhstan has long held diplomatic
    // ties with Israel", "a reliable partner" between exactly two named states
    if (words.some((w) => PARTNER_CUES.has(w))) {
      const named = (m: Mention | undefined) => !!m && m.type === "country" && m.via !== "demonym"
      for (let k = s.tokStart; k < s.tokEnd; k++) {
        const t = tokens[k]!
        if (t.norm === "between" && named(at[k + 1]) && tokens[at[k + 1]!.tokEnd]?.norm === "and" && named(at[at[k + 1]!.tokEnd + 1]))
          out.push({ predicate: "partner_of", subject: at[k + 1]!, object: at[at[k + 1]!.tokEnd + 1]!, role: null, ...sp, method: "relation.partner-between.v1", confidence: 0.6 })
        if (t.norm === "with" && named(at[k + 1]) && ["ties", "relations", "partnership", "cooperation", "alliance", "agreement", "relationship"].includes(tokens[k - 1]?.norm ?? "")) {
          const subj = countries.find((c) => named(c) && c.tokEnd <= k - 1 && c.key !== at[k + 1]!.key)
          if (subj) out.push({ predicate: "partner_of", subject: subj, object: at[k + 1]!, role: null, ...sp, method: "relation.partner-with.v1", confidence: 0.6 })
        }
      }
      const cs = uniqByKey(countries.filter((c) => c.via !== "demonym"))
      if (cs.length === 2 && /\b(partner|partners|partnership|ally|allies|alliance)\b/.test(words.join(" ")))
        out.push({ predicate: "partner_of", subject: cs[0]!, object: cs[1]!, role: null, ...sp, method: "relation.partner.v1", confidence: 0.55 })
    }
  }

  // -- part_of (a): a region followed by a list of its states: "in the South Caucasus, it applies to
  //    Armenia, Azerbaijan and Georgia", "five Central Asian nations -- Kazakhstan, Kyrgyzstan, ..."
  for (const [si] of doc.sentences.entries()) {
    const ms = perSentence[si]!
    ms.forEach((r, ri) => {
      if (!isRegion(r)) return
      const list: Array<Mention> = []
      for (let k = ri + 1; k < ms.length; k++) {
        const m = ms[k]!
        const prevEnd = list.length ? list[list.length - 1]!.tokEnd : r.tokEnd
        const gap = tokens.slice(prevEnd, m.tokStart)
        const listGap = gap.every((t) => t.text === "," || t.norm === "and" || t.norm === "the" || t.text === "-" || t.text === "–" || t.text === "—" || t.text === "(")
        const lead =
          list.length === 0 &&
          m.tokStart - r.tokEnd <= 8 &&
          gap.every((t) => t.norm !== ";" && t.text !== ".") &&
          (gap.length === 0 || gap.some((t) => LIST_CUES.has(t.norm)))
        if (m.type !== "country" || m.via !== "name" || !(listGap || lead)) break
        if (!list.some((x) => x.key === m.key)) list.push(m)
      }
      if (list.length < 2) return
      for (const c of list)
        out.push({ predicate: "part_of", subject: c, object: r, role: null, start: r.start, end: list[list.length - 1]!.end, method: "relation.region-then-list.v1", confidence: 0.7 })
    })
  }

  // -- part_of (b): a coordinated list of 3+ states that the gazetteer places in one region the article names
  const regionsNamed = new Set(mentions.filter((m) => isRegion(m)).map((m) => m.gaz!.id))
  const firstOfRegion = new Map<string, Mention>()
  for (const m of mentions) if (m.gaz && !firstOfRegion.has(m.gaz.id)) firstOfRegion.set(m.gaz.id, m)
  for (const [si] of doc.sentences.entries()) {
    const cs = uniqByKey(perSentence[si]!.filter((m) => m.type === "country" && m.via === "name"))
    if (cs.length < 3) continue
    const byRegion = new Map<string, Array<Mention>>()
    for (const c of cs) for (const r of c.gaz?.partOf ?? []) byRegion.set(r, [...(byRegion.get(r) ?? []), c])
    for (const [r, members] of byRegion) {
      if (members.length < 3 || !regionsNamed.has(r)) continue
      const region = firstOfRegion.get(r)
      if (!region) continue
      const first = members[0]!
      const last = members[members.length - 1]!
      for (const c of members) out.push({ predicate: "part_of", subject: c, object: region, role: null, start: first.start, end: last.end, method: "relation.region-list.v1", confidence: 0.6 })
    }
  }
  return out
}

const spanOf = (_doc: Doc, a: Mention, b: Mention) => ({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) })

const uniqByKey = (ms: ReadonlyArray<Mention>): Array<Mention> => {
  const seen = new Set<string>()
  return ms.filter((m) => (seen.has(m.key) ? false : (seen.add(m.key), true)))
}
