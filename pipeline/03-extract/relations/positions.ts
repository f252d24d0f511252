/**
 * Positions named by titles: "Kazakh President X", "Uzbekistan's President X", "X, the U.S.
 * ambassador to India", "X is president of Y", "Wabtec President and CEO X", "Presidents X and Y",
 * "Special Envoy for South and Central Asia X"; occupations at an employer ("X, a political
 * scientist at the Y"); the party qualifying a title ("Republican Senator X").
 */
import { inList } from "../doc.js"
import type { Mention } from "../entities.js"
import type { TitleEntry } from "../../../schemas/Lexicon.js"
import { gazMention, tokSpan, type FoundRelation, type RelContext } from "./context.js"

const HOLDER_TYPES = new Set(["country", "organization"])
const ARTICLES = new Set(["the", "a", "an"])

/** The holder a gazetteer person's known positions give for a title (date-bounded first), if any. */
const knownHolder = (ctx: RelContext, m: Mention, title: TitleEntry): string | null => {
  const ps = m.gaz?.positions ?? []
  const at = ctx.doc.ref.value
  const r = title.title.toLowerCase()
  const inTerm = (p: (typeof ps)[number]) => at === null || ((p.from ?? "0000") <= at && (p.to ?? "9999") >= at)
  const same = ps.filter((p) => p.role.toLowerCase() === r)
  const hit = same.find(inTerm) ?? same[0]
  if (hit) return hit.of
  // another office of the same person names the state a state title belongs to ("Deputy Prime Minister" of a known minister)
  if (title.holder_of !== "country") return null
  const state = ps.find((p) => inTerm(p) && p.of.startsWith("country:")) ?? ps.find((p) => p.of.startsWith("country:"))
  return state?.of ?? null
}

const isParty = (m: Mention | null | undefined): boolean => !!m && m.type === "organization" && /\bparty\b/i.test(m.name)

/** A title found at token i: its entry, token range and whether it is written in the plural ("Presidents"). */
interface TitleAt {
  readonly entry: TitleEntry
  readonly start: number
  readonly end: number
  readonly plural: boolean
}

/** Find holds_position, affiliated_with and party member_of relations cued by titles. */
export const positionRelations = (ctx: RelContext): Array<FoundRelation> => {
  const { doc, at } = ctx
  const { tokens, lex } = doc
  const out: Array<FoundRelation> = []
  const titleAt = (i: number): TitleAt | null => {
    const t = lex.titles.longest(tokens, i)
    if (!t) return null
    const text = doc.text.slice(tokens[i]!.start, tokens[i + t.length - 1]!.end)
    // a title inside a longer name ("CEO of X Capital" read as one organisation) is part of the name
    const inside = at[i]
    if (inside && inside.type !== "person" && inside.tokStart <= i && inside.tokEnd >= i + t.length && inside.tokEnd - inside.tokStart > t.length) return null
    const entry = t.values[0]!
    const singular = text.toLowerCase().replace(/s$/, "")
    return { entry, start: i, end: i + t.length, plural: singular !== text.toLowerCase() && entry.forms.some((f) => f.toLowerCase() === singular) }
  }

  let appositive: { person: Mention; end: number } | null = null
  for (let i = 0; i < tokens.length; i++) {
    const first = titleAt(i)
    if (!first) continue
    // coordinated titles share the qualifier and the person: "Deputy Prime Minister and Minister of Economy X"
    const chain: Array<TitleAt> = [first]
    for (;;) {
      const last = chain[chain.length - 1]!
      const next = tokens[last.end]?.norm === "and" ? titleAt(last.end + 1) : null
      if (!next) break
      chain.push(next)
    }
    const lastTitle = chain[chain.length - 1]!
    // a shorter title inside this one ("Minister" in "Energy Minister") is not read again
    i = lastTitle.end - 1

    // qualifiers written before the title: "Kazakh Energy Minister", "Uzbekistan's President", "Republican Senator"
    let k = first.start - 1
    while (k >= 0 && tokens[k]!.cap && !at[k] && tokens[k]!.kind === "word" && first.start - k <= 2 && !inList(doc, "non_name", tokens[k]!.norm)) k--
    const possessive = tokens[k]?.norm === "'s" && !!at[k - 1]
    const qualifier = possessive ? at[k - 1] : k >= 0 ? at[k] : undefined
    const roleStart = k + 1
    const qualStart = qualifier ? qualifier.tokStart : roleStart

    // the role's written extent: "ambassador to India", "Special Envoy for South and Central Asia"
    let roleEnd = lastTitle.end
    let j = lastTitle.end
    let people: Array<Mention> = []
    if (tokens[j]?.norm === "to" || tokens[j]?.norm === "for") {
      let x = j + 1
      while (x < tokens.length && x - j <= 7 && !(at[x]?.type === "person") && (tokens[x]!.cap || tokens[x]!.norm === "and" || tokens[x]!.norm === "the" || at[x])) x = at[x] ? at[x]!.tokEnd : x + 1
      if (at[x]?.type === "person" && x > j + 1 && !["and", "the", "'s"].includes(tokens[x - 1]!.norm)) {
        roleEnd = x
        j = x
      } else if (at[j + 1]) {
        roleEnd = at[j + 1]!.tokEnd
        j = roleEnd
      }
    }
    // the people named right after the title ("President Donald Trump", "Presidents X and Y") ...
    if (at[j]?.type === "person") {
      people.push(at[j]!)
      const p = at[j]!
      if (lastTitle.plural && tokens[p.tokEnd]?.norm === "and" && at[p.tokEnd + 1]?.type === "person") people.push(at[p.tokEnd + 1]!)
    }
    let evStart = possessive || qualifier ? qualStart : roleStart
    // ... or after a comma when a state qualifies the title: "the country's leader, Emomali Rahmon,"
    if (people.length === 0 && qualifier?.type === "country" && tokens[j]?.text === "," && at[j + 1]?.type === "person" && [",", ".", "and"].includes(tokens[at[j + 1]!.tokEnd]?.norm ?? ".")) {
      people.push(at[j + 1]!)
    }
    let evEnd = people.length ? people[people.length - 1]!.tokEnd : roleEnd
    if (people.length === 0) {
      // ... or before it in an apposition: "X, the U.S. ambassador to India", "X is president of Y"
      let b = qualStart - 1
      while (b >= 0 && ARTICLES.has(tokens[b]!.norm)) b--
      if ((tokens[b]?.text === "," || tokens[b]?.norm === "is") && at[b - 1]?.type === "person") {
        people = [at[b - 1]!]
        evStart = people[0]!.tokStart
      } else if (tokens[b]?.norm === "and" && appositive?.end === b) {
        // a second apposition: "X, the U.S. ambassador to India and Trump's special envoy to Central Asia"
        people = [appositive.person]
      }
    }
    if (people.length === 0) continue
    appositive = evStart === people[0]!.tokStart && people[0]!.tokEnd <= first.start ? { person: people[0]!, end: roleEnd } : null

    // the holder: a state or organisation qualifier, "of / at (the) Y" after the title or the name
    const afterOf = (p: number) => {
      if (tokens[p]?.norm !== "of" && tokens[p]?.norm !== "at") return undefined
      return ARTICLES.has(tokens[p + 1]?.norm ?? "") ? at[p + 2] : at[p + 1]
    }
    let holder: Mention | null = qualifier && !isParty(qualifier) && HOLDER_TYPES.has(qualifier.type) ? qualifier : null
    const of = afterOf(roleEnd) ?? afterOf(people[people.length - 1]!.tokEnd)
    if (!holder && of && HOLDER_TYPES.has(of.type)) {
      holder = of
      evEnd = Math.max(evEnd, of.tokEnd)
    }
    // a person's envoy or adviser serves that person's state: "Trump's special envoy"
    const principal = possessive && qualifier?.type === "person" ? qualifier : null
    for (const t of chain) {
      const role = t.plural ? t.entry.title : doc.text.slice(tokens[t === first ? roleStart : t.start]!.start, tokens[(t === lastTitle ? roleEnd : t.end) - 1]!.end)
      for (const person of people) {
        const sp = tokSpan(doc, Math.min(evStart, person.tokStart), Math.max(evEnd, person.tokEnd))
        if (t.entry.predicate === "affiliated_with") {
          if (holder?.type === "organization") out.push({ predicate: "affiliated_with", subject: person, object: holder, role, ...sp, method: "relation.occupation-at.v1", confidence: 0.7 })
          continue
        }
        let h = holder
        if (!h) {
          const id = knownHolder(ctx, person, t.entry) ?? (principal ? knownHolder(ctx, principal, t.entry) : null) ?? t.entry.default_holder ?? null
          h = id ? gazMention(ctx, id) : null
        }
        if (isParty(qualifier) && !possessive)
          out.push({ predicate: "member_of", subject: person, object: qualifier!, role: null, ...sp, method: "relation.party-title.v1", confidence: 0.75 })
        if (!h || isParty(h)) continue
        out.push({ predicate: "holds_position", subject: person, object: h, role, ...sp, method: "relation.title.v1", confidence: h.tokStart >= 0 ? 0.85 : 0.75 })
      }
    }
  }
  out.push(...verbPositions(ctx))
  return out
}

/** Verbs that name a post: "who also chairs the X", "X, who heads the Y". */
const POST_VERBS = new Map([["chairs", "chair"], ["heads", "head"], ["leads", "leader"], ["directs", "director"], ["runs", "head"]])
const ADVERBS = new Set(["also", "now", "currently", "still", "formally", "jointly"])

/** holds_position from "<person> (, the ...) who (also) chairs (the) <organisation>". */
const verbPositions = (ctx: RelContext): Array<FoundRelation> => {
  const { doc, at } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k]!.norm !== "who") continue
    let v = k + 1
    while (ADVERBS.has(tokens[v]?.norm ?? "")) v++
    const role = POST_VERBS.get(tokens[v]?.norm ?? "")
    const org = at[ARTICLES.has(tokens[v + 1]?.norm ?? "") ? v + 2 : v + 1]
    if (!role || org?.type !== "organization") continue
    // the person the relative clause describes: the last person before "who" in the sentence, within an apposition's reach
    const s = doc.sentences[doc.sentenceOf[k]!]!
    let person: Mention | undefined
    for (let x = k - 1; x >= Math.max(s.tokStart, k - 12); x--) if (at[x]?.type === "person") { person = at[x]; break }
    if (!person) continue
    out.push({ predicate: "holds_position", subject: person, object: org, role, start: person.start, end: org.end, method: "relation.post-verb.v1", confidence: 0.65 })
  }
  return out
}
