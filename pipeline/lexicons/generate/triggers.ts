/**
 * Generates pipeline/lexicons/triggers.wordnet.v1.jsonl: event triggers of whole semantic classes
 * (transactions, construction, changes of office or status, stance and thanks, conflict, quantities
 * that change) expanded from seed senses of WordNet 3.1, inflected by compromise. Deterministic:
 * `npm run lexicons:triggers` rewrites the file; a test checks that the committed file equals a run.
 */
import { writeFileSync } from "node:fs"
import nlp from "compromise"
import type { EventType, PloverType } from "../../../schemas/vocab.js"
import { compareStrings } from "../../shared/compare.js"
import { CLASSES, type TriggerClass } from "./triggerClasses.js"
import { loadWordNet, type Sense, type Synset, type WnPos, type WordNet } from "./wordnet.js"

/** A generated lexicon line. */
export interface GeneratedTrigger {
  readonly id: string
  readonly lemma: string
  readonly forms: ReadonlyArray<string>
  readonly pos: "verb" | "noun"
  readonly event_type: EventType
  readonly cameo: string
  readonly plover: PloverType
  readonly note: string
  readonly blocked_near?: ReadonlyArray<string>
  readonly blocked_after?: ReadonlyArray<string>
  readonly requires_figure?: boolean
  readonly participates?: boolean
  readonly verb_only?: boolean
  readonly requires_after?: ReadonlyArray<string>
}

const MAX_RANK = 2
const MAX_SENSES = 15
const PLACEHOLDER = /\b(one's|someone|somebody|something|oneself)\b/

const tagSum = (senses: ReadonlyArray<Sense>): number => senses.reduce((n, s) => n + s.tagCount, 0)

/** Is the synset among the word's most frequent senses (rank ≤ 2, or the one with most tags)? */
const commonSense = (wn: WordNet, pos: WnPos, word: string, offset: string): boolean => {
  const senses = wn.senses(pos, word)
  const own = senses.find((s) => s.offset === offset)
  if (own === undefined) return false
  const top = Math.max(...senses.map((s) => s.tagCount))
  // (the second sense only when it is not dwarfed by the first: "remove" a barrier far more often than from office)
  return (
    own.rank === 1 || (own.rank <= MAX_RANK && own.tagCount * 4 >= top) || (own.tagCount > 0 && own.tagCount === top)
  )
}

/** Words of the class: seed synsets, their members and (to the class's depth) hyponyms, filtered by sense frequency. */
const classWords = (wn: WordNet, c: TriggerClass, pos: WnPos): Map<string, { synset: Synset; via: string }> => {
  const out = new Map<string, { synset: Synset; via: string }>()
  const excluded = (w: string) => c.exclude.includes(w) || (pos === "noun" && (c.excludeNouns ?? []).includes(w))
  const seeds = pos === "verb" ? c.verbs : c.nouns
  for (const seed of seeds) {
    // "word#sense", or "word#sense/depth" to take fewer hyponym levels below this seed than the class does
    const [word, rest] = seed.split("#") as [string, string]
    const [n, seedDepth] = rest.split("/") as [string, string | undefined]
    const sense = wn.senses(pos, word).find((s) => s.rank === Number(n))
    if (sense === undefined) throw new Error(`triggers: no sense ${seed} (${pos})`)
    const walk = (offset: string, depth: number) => {
      const ss = wn.synset(pos, offset)
      for (const w of ss.words) {
        const isSeed = w === word && offset === sense.offset
        // (a hyponym's word must be attested in that sense in the tagged corpora: "sonnet" is no way of praising in the
        // news)
        const attested =
          offset === sense.offset || (wn.senses(pos, w).find((x) => x.offset === offset)?.tagCount ?? 0) > 0
        if (!isSeed && (!commonSense(wn, pos, w, offset) || wn.senses(pos, w).length > MAX_SENSES || !attested))
          continue
        if (PLACEHOLDER.test(w) || w.split(" ").length > 3 || /[A-Z]/.test(w) || excluded(w)) continue
        if (!out.has(w)) out.set(w, { synset: ss, via: seed })
      }
      if (depth > 0) for (const h of ss.hyponyms) walk(h, depth - 1)
    }
    walk(sense.offset, pos === "verb" ? (seedDepth !== undefined ? Number(seedDepth) : c.depth) : 0)
  }
  return out
}

/** Tag counts of a word form in every part of speech but the verb (is it mostly a noun, adjective or adverb?). */
const otherUses = (wn: WordNet, word: string): number => tagSum(wn.senses("noun", word)) + wn.otherTags(word)

const conjugate = (verb: string): Array<string> => {
  const { methods, model } = nlp.world() as unknown as {
    methods: {
      two: {
        transform: {
          verb: {
            conjugate: (v: string, m: unknown) => Record<string, string>
          }
        }
      }
    }
    model: unknown
  }
  const [head, ...rest] = verb.split(" ")
  const tail = rest.length > 0 ? ` ${rest.join(" ")}` : ""
  const c = methods.two.transform.verb.conjugate(head!, model)
  return [c.Infinitive, c.PresentTense, c.PastTense, c.Participle, c.Gerund]
    .filter((f): f is string => f !== undefined)
    .map((f) => f + tail)
}

const pluralOf = (noun: string): string => {
  if (noun.endsWith("s")) return noun
  const { methods, model } = nlp.world() as unknown as {
    methods: {
      two: {
        transform: { noun: { toPlural: (n: string, m: unknown) => string } }
      }
    }
    model: unknown
  }
  const words = noun.split(" ")
  return [...words.slice(0, -1), methods.two.transform.noun.toPlural(words.at(-1)!, model)].join(" ")
}

/**
 * Inflected forms (not base forms) of every one-word WordNet verb, with the largest verb tag count among the verbs that
 * have it.
 */
let inflections: Map<string, { readonly verb: string; readonly tags: number }> | undefined
const inflectedBy = (wn: WordNet, form: string): { readonly verb: string; readonly tags: number } | undefined => {
  if (inflections === undefined) {
    inflections = new Map()
    for (const verb of wn.words("verb")) {
      if (verb.includes(" ")) continue
      const tags = tagSum(wn.senses("verb", verb))
      for (const f of conjugate(verb).slice(1))
        if (f !== verb && (inflections.get(f)?.tags ?? -1) < tags) inflections.set(f, { verb, tags })
    }
  }
  return inflections.get(form)
}

/**
 * The inflected forms a verb is matched by. A base or -s form that is more often another part of
 * speech ("order", "funds", "back") is left out; so is an -ing form that is itself a more frequent
 * noun ("building", "meeting"): only the unambiguous inflections stay.
 */
const verbForms = (wn: WordNet, verb: string): Array<string> => {
  const [base, third, past, participle, gerund] = conjugate(verb)
  const verbTags = tagSum(wn.senses("verb", verb))
  const head = verb.split(" ")[0]!
  const nominal = verb.includes(" ") ? false : otherUses(wn, head) > verbTags
  const forms: Array<string> = []
  // (an -s form that is a noun of its own, "thanks", is left out too)
  if (!nominal) forms.push(...(wn.senses("noun", third!).length > 0 ? [base!] : [base!, third!]))
  forms.push(past!)
  if (participle !== undefined && participle !== gerund) forms.push(participle)
  if (gerund !== undefined && !(gerund.indexOf(" ") < 0 && tagSum(wn.senses("noun", gerund)) > verbTags))
    forms.push(gerund)
  // (nor a form that inflects a more frequent verb: "found" is mostly the past of "find")
  const other = (f: string) => {
    const by = inflectedBy(wn, f.split(" ")[0]!)
    return by !== undefined && by.verb !== head && by.tags > verbTags
  }
  return [...new Set(forms)].filter((f) => !other(f))
}

/**
 * Nouns derived from the class's verb synsets (WordNet's derivation pointers) in the noun files of acts and
 * communication.
 */
const derivedNouns = (
  wn: WordNet,
  verbs: Map<string, { synset: Synset; via: string }>,
  c: TriggerClass
): Map<string, { synset: Synset; via: string }> => {
  const out = new Map<string, { synset: Synset; via: string }>()
  for (const [verb, { synset }] of verbs)
    for (const d of synset.derived) {
      if (d.pos !== "noun" || d.source !== synset.words.indexOf(verb) + 1) continue
      const ns = wn.synset("noun", d.offset)
      const noun = ns.words[d.target - 1]
      if (
        noun === undefined ||
        !c.nounFiles.includes(ns.lexfile) ||
        c.exclude.includes(noun) ||
        (c.excludeNouns ?? []).includes(noun) ||
        /[A-Z]/.test(noun)
      )
        continue
      if (!commonSense(wn, "noun", noun, ns.offset)) continue
      if (!out.has(noun)) out.set(noun, { synset: ns, via: `${verb} (derived)` })
    }
  return out
}

/** Generate every entry, classes in order; a form taken by an earlier class or entry is not repeated. */
export const generateTriggers = (wn: WordNet = loadWordNet()): Array<GeneratedTrigger> => {
  const out: Array<GeneratedTrigger> = []
  const taken = new Set<string>()
  for (const c of CLASSES) {
    const verbs = classWords(wn, c, "verb")
    const nouns = new Map([...classWords(wn, c, "noun"), ...derivedNouns(wn, verbs, c)])
    const emit = (pos: "verb" | "noun", lemma: string, info: { synset: Synset; via: string }, forms: Array<string>) => {
      const fresh = forms.filter((f) => !taken.has(`${pos}:${f}`))
      if (fresh.length === 0) return
      for (const f of fresh) taken.add(`${pos}:${f}`)
      out.push({
        id: `trigger.wn.${c.id}.${lemma.replace(/ /g, "-")}${pos === "noun" ? "-n" : ""}`,
        lemma,
        forms: fresh,
        pos,
        event_type: c.event_type,
        cameo: c.cameo,
        plover: c.plover,
        note: `${c.id}: WordNet ${info.synset.lexfile} ${info.synset.offset} via ${info.via}`,
        ...(pos === "verb" ? (c.constraints?.[lemma] ?? {}) : {}),
        ...(pos === "verb" && c.participates === true ? { participates: true } : {}),
        // (the generator lists the class's nouns itself, or leaves them out on purpose)
        ...(pos === "verb" ? { verb_only: true } : {}),
        ...(pos === "verb" && c.requiresFigure === true && !/^(double|triple|quadruple|halve)$/.test(lemma)
          ? { requires_figure: true }
          : {})
      })
    }
    // (a verb prefixed "re" before a vowel is also written with a hyphen: "reelect", "re-elect")
    const hyphened = (forms: Array<string>) =>
      forms.flatMap((f) => (/^re[aeiou]/.test(f) ? [f, `re-${f.slice(2)}`] : [f]))
    for (const [verb, info] of [...verbs].sort(([a], [b]) => compareStrings(a, b)))
      emit("verb", verb, info, hyphened(verbForms(wn, verb)))
    // a hyphenated compound is also written closed ("cease-fire", "ceasefire")
    const spellings = (w: string) => (/^[a-z]+-[a-z]+$/.test(w) ? [w, w.replace("-", "")] : [w])
    for (const [noun, info] of [...nouns].sort(([a], [b]) => compareStrings(a, b)))
      emit("noun", noun, info, [...new Set(hyphened(spellings(noun).flatMap((w) => [w, pluralOf(w)])))])
  }
  return out
}

/** The lexicon file's text: header, then one entry per line. */
export const triggerLexiconText = (wn: WordNet = loadWordNet()): string => {
  const header = {
    header: true,
    version: "1",
    licence: "WordNet 3.1 Licence (Princeton University; permissive, attribution); generated entries CC0-1.0",
    kind: "triggers",
    name: "event-triggers-wordnet",
    source: `Generated by pipeline/lexicons/generate/triggers.ts from ${wn.version} (seed senses per class, their synonyms and hyponyms, derived nouns) with inflections by compromise ${(nlp as unknown as { version: string }).version}; CAMEO codes from the CAMEO 1.1b3 codebook, PLOVER categories after CAMEO2PLOVER-2021`,
    description:
      "Event triggers of whole semantic classes (transactions, construction and the start of projects, changes of " +
      "office or legal status, stance and thanks, armed conflict, quantities that change), keyed by lemma, with the" +
      " gold-format event type, a CAMEO code and a PLOVER category.",
    known_problems: [
      "A word is kept only in its frequent senses (rank <= 2 or most tagged), but a kept form still fires in its " +
        "other senses.",
      "CAMEO has no code for changes of quantity, office or construction: those classes carry 010 and PLOVER OTHER," +
        " as the hand lexicon does for elections.",
      "Forms also listed in triggers.v1.jsonl are matched by the hand entry first (that file loads first)."
    ]
  }
  return [header, ...generateTriggers(wn)].map((e) => JSON.stringify(e)).join("\n") + "\n"
}

/** Where the generated file lives. */
export const TRIGGER_LEXICON = new URL("../triggers.wordnet.v1.jsonl", import.meta.url).pathname

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  writeFileSync(TRIGGER_LEXICON, triggerLexiconText())
  console.error(`wrote ${TRIGGER_LEXICON}`)
}
