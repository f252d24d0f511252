/**
 * The semantic classes of the generated trigger lexicon: for each, the gold event type, a CAMEO
 * code and PLOVER category, and the WordNet 3.1 seed senses ("word#sense number") that the
 * generator expands to their synonyms and hyponyms. `exclude` lists words whose kept sense is
 * not the one the class means in news text (each with its reason).
 */
import type { EventType, PloverType } from "../../../schemas/vocab.js"

/** One semantic class of triggers. */
export interface TriggerClass {
  readonly id: string
  readonly event_type: EventType
  readonly cameo: string
  readonly plover: PloverType
  /** Verb seed senses ("buy#1"; "supply#1/0" takes no hyponyms of that seed). */
  readonly verbs: ReadonlyArray<string>
  /** Noun seed senses ("clash#2"). */
  readonly nouns: ReadonlyArray<string>
  /** Hyponym levels taken below a seed. */
  readonly depth: number
  /** WordNet noun files whose nouns derived from the class's verbs are triggers too. */
  readonly nounFiles: ReadonlyArray<string>
  readonly exclude: ReadonlyArray<string>
  /** Nouns left out (their verbs stay): "the finance minister", "a buy", "the sell". */
  readonly excludeNouns?: ReadonlyArray<string>
  /** Context constraints of lemmas, general rules of their use ("pay a visit" is a light-verb use, no payment). */
  readonly constraints?: Readonly<
    Record<
      string,
      {
        readonly blocked_near?: ReadonlyArray<string>
        readonly blocked_after?: ReadonlyArray<string>
        readonly requires_after?: ReadonlyArray<string>
        readonly requires_figure?: boolean
      }
    >
  >
  /** Every verb of the class needs a figure after it in its clause (changes of quantity). */
  readonly requiresFigure?: boolean
  /** The verbs take part in a gathering named after them (attend, participate): the gathering is the event. */
  readonly participates?: boolean
}

const ACT_NOUNS = ["noun.act", "noun.communication", "noun.event"]

/** Classes in order: a form taken by an earlier class is not repeated by a later one. */
export const CLASSES: ReadonlyArray<TriggerClass> = [
  {
    id: "praise",
    event_type: "statement",
    cameo: "051",
    plover: "SUPPORT",
    verbs: [
      "praise#1",
      "thank#1",
      "congratulate#1",
      "congratulate#2",
      "commend#1",
      "hail#1",
      "applaud#2",
      "welcome#1",
      "endorse#1"
    ],
    nouns: ["congratulation#1", "praise#1", "gratitude#1"],
    depth: 1,
    nounFiles: ["noun.communication"],
    // promote/push: advertising; flatter, troll, puff: not public praise; back, plump/plunk for: "back" is an adverb
    // first
    exclude: [
      "promote",
      "push",
      "advertise",
      "advertize",
      "flatter",
      "blandish",
      "troll",
      "puff",
      "puff up",
      "back",
      "plump for",
      "plunk for",
      "glorify",
      "exalt",
      "proclaim",
      "rave",
      "gush",
      "recommend",
      "salute",
      "warrant",
      "herald",
      "cheer",
      "champion",
      "recommendation",
      "good word",
      "superlative",
      "welcome"
    ],
    excludeNouns: ["acclaim"]
  },
  {
    id: "criticize",
    event_type: "statement",
    cameo: "111",
    plover: "ACCUSE",
    verbs: ["criticize#1", "condemn#1", "denounce#1", "deplore#1", "oppose#1", "protest#1"],
    nouns: ["criticism#1", "condemnation#1"],
    depth: 1,
    nounFiles: ["noun.communication"],
    // knock, pick, jaw, rag, round, lecture: other senses first; come down: motion
    exclude: [
      "knock",
      "pick",
      "jaw",
      "rag",
      "round",
      "lecture",
      "come down",
      "savage",
      "crucify",
      "blast",
      "pillory",
      "lambaste",
      "lambast",
      "trounce",
      "have words",
      "call down",
      "chew up",
      "harsh on",
      "attack",
      "assail",
      "lash out",
      "contest",
      "repugn",
      "declaim",
      "pick apart",
      "belabor",
      "objurgate",
      "unfavorable judgment",
      "disapprobation"
    ],
    excludeNouns: ["protest"]
  },
  {
    id: "accuse",
    event_type: "statement",
    cameo: "112",
    plover: "ACCUSE",
    verbs: ["accuse#1", "blame#1"],
    nouns: ["accusation#1"],
    depth: 0,
    nounFiles: ["noun.communication"],
    exclude: []
  },
  {
    id: "report",
    event_type: "statement",
    cameo: "010",
    plover: "OTHER",
    verbs: ["comment#1", "underscore#1", "deny#1", "claim#1", "remark#1", "report#2"],
    nouns: [],
    depth: 0,
    nounFiles: ["noun.communication"],
    // notice, observe: perception first; note: its own hand entry ('noted', 'notes that')
    exclude: ["notice", "observe", "note", "underline", "emphasize", "emphasise", "point out"],
    excludeNouns: ["claim", "notice", "observation", "report", "account"],
    // "..., Trend reports." ending the lead is the agency's credit line, not a statement
    constraints: { report: { blocked_after: ["."] } }
  },
  {
    id: "attend",
    event_type: "meeting",
    cameo: "040",
    plover: "CONSULT",
    verbs: ["participate#1", "attend#1", "chair#2", "convene#1"],
    nouns: [],
    depth: 0,
    nounFiles: ["noun.act"],
    // go to: motion; lead, moderate: other senses first
    exclude: ["go to", "lead", "moderate"],
    participates: true,
    excludeNouns: ["attending", "going"]
  },
  {
    id: "buy-sell",
    event_type: "economic",
    cameo: "061",
    plover: "COOPERATE",
    verbs: [
      "buy#1",
      "sell#1",
      "pay#1",
      "invest#1",
      "export#1",
      "import#1",
      "relinquish#1/0",
      "supply#1/0",
      "spend#2/0",
      "contribute#2/0",
      "deliver#2/0"
    ],
    nouns: ["purchase#1", "sale#1", "acquisition#1", "payment#1"],
    depth: 1,
    nounFiles: ACT_NOUNS,
    // take, get, pick up, clear, move, realize, dispose: everyday senses first; scalp, bootleg: not trade news
    exclude: [
      "take",
      "get",
      "pick up",
      "clear",
      "move",
      "realize",
      "realise",
      "dispose",
      "scalp",
      "bootleg",
      "remainder",
      "sacrifice",
      "foot",
      "pick",
      "charge",
      "kick back",
      "go dutch",
      "tithe",
      "compensate",
      "recompense",
      "repair",
      "prefer",
      "put",
      "place",
      "commit",
      "shelter",
      "tie up",
      "job",
      "speculate",
      "subscribe",
      "syndicate",
      "dump",
      "subscribe to",
      "palm off",
      "release",
      "free",
      "resign",
      "give up",
      "provide",
      "render",
      "furnish",
      "expend",
      "drop",
      "give",
      "chip in",
      "kick in",
      "issue"
    ],
    excludeNouns: ["finance", "sell", "buy", "pay", "cash", "buying", "selling"],
    constraints: {
      pay: {
        blocked_near: ["visit", "visits", "call", "tribute", "homage", "attention", "respects", "heed", "lip"]
      },
      // spending and contributing are transactions when an amount is named ("spent $3 billion"), not "spent a week",
      // "contributed to peace"
      spend: { requires_figure: true },
      contribute: { requires_figure: true },
      // delivering a speech, an address or a verdict is saying it
      deliver: {
        blocked_near: [
          "speech",
          "speeches",
          "address",
          "addresses",
          "remarks",
          "message",
          "statement",
          "lecture",
          "verdict",
          "blow",
          "promise",
          "promises",
          "results"
        ]
      }
    }
  },
  {
    id: "fund",
    event_type: "economic",
    cameo: "071",
    plover: "AID",
    verbs: ["finance#1", "fund#6", "lend#2", "donate#1", "grant#5"],
    nouns: ["grant#1", "donation#1"],
    depth: 1,
    nounFiles: ACT_NOUNS,
    // seed, back, absorb, take over: other senses first; fund#1-5 are accounting senses
    exclude: ["seed", "back", "absorb", "take over", "give", "farm out", "rent out", "hire out", "contribution"],
    excludeNouns: ["finance"]
  },
  {
    id: "construct",
    event_type: "economic",
    cameo: "061",
    plover: "COOPERATE",
    verbs: ["build#1", "construct#1", "inaugurate#1", "commission#1"],
    nouns: ["construction#1"],
    depth: 1,
    nounFiles: ["noun.act"],
    // make, raise, rear, set up, put up: other senses first; lock, frame, groin, wattle, revet, dry-wall, corduroy,
    // cantilever, channelize: crafts
    // building bridges, trust or a partnership is a figure of speech for cooperation, not construction
    constraints: {
      build: {
        blocked_near: [
          "bridges",
          "partnership",
          "partnerships",
          "relations",
          "relationship",
          "ties",
          "trust",
          "confidence",
          "consensus",
          "community",
          "future",
          "momentum",
          "capacity",
          "dialogue",
          "cooperation",
          "understanding",
          "coalition",
          "resilience"
        ]
      }
    },
    exclude: [
      "make",
      "raise",
      "rear",
      "set up",
      "put up",
      "lock",
      "frame",
      "frame up",
      "groin",
      "wattle",
      "revet",
      "dry-wall",
      "corduroy",
      "cantilever",
      "channelize",
      "channelise",
      "customize",
      "customise",
      "kick off",
      "dedicate",
      "swear in",
      "institute"
    ],
    excludeNouns: ["building"]
  },
  {
    id: "found",
    event_type: "other",
    cameo: "010",
    plover: "OTHER",
    verbs: ["establish#1", "establish#2", "form#1", "dissolve#3", "abolish#1"],
    nouns: ["establishment#1"],
    depth: 0,
    nounFiles: ["noun.act"],
    // plant, constitute, organize: other senses first
    exclude: ["plant", "constitute", "organize", "organise", "launch", "get rid of", "constitution", "institute"]
  },
  {
    id: "honour",
    event_type: "other",
    cameo: "010",
    plover: "OTHER",
    verbs: ["award#1"],
    nouns: [],
    depth: 0,
    nounFiles: [],
    // present: other senses first
    exclude: ["present"]
  },
  {
    id: "win",
    event_type: "other",
    cameo: "010",
    plover: "OTHER",
    verbs: ["win#1"],
    nouns: [],
    depth: 0,
    nounFiles: [],
    exclude: []
  },
  {
    id: "office",
    event_type: "other",
    cameo: "010",
    plover: "OTHER",
    verbs: ["appoint#1", "elect#1", "resign#1", "fire#4", "take office#1", "swear in#1", "dismiss#3"],
    nouns: ["appointment#1", "resignation#2", "inauguration#1"],
    depth: 1,
    nounFiles: ["noun.act"],
    // can, drop, terminate, displace, give notice, send away/packing, force out, pack, co-opt, vacate, give up: other
    // senses first
    exclude: [
      "can",
      "drop",
      "terminate",
      "displace",
      "give notice",
      "send away",
      "send packing",
      "force out",
      "pack",
      "co-opt",
      "vacate",
      "give up",
      "return",
      "retire",
      "clean out",
      "squeeze out",
      "furlough",
      "lay off",
      "pension off",
      "name",
      "constitute",
      "renounce",
      "abdicate",
      "nominate",
      "give the axe",
      "give the sack",
      "move out",
      "take out",
      "throne",
      "assume",
      "take on",
      "bench",
      "drum out",
      "pull off",
      "startup",
      "naming",
      "designation"
    ]
  },
  {
    id: "legal",
    event_type: "legislation",
    cameo: "030",
    plover: "AGREE",
    verbs: ["ratify#1", "amend#1", "veto#1", "enact#1"],
    nouns: ["ratification#1", "amendment#1", "referendum#1"],
    depth: 0,
    nounFiles: ["noun.act"],
    exclude: ["sign", "ordain", "blackball", "negative"]
  },
  {
    id: "assault",
    event_type: "other",
    cameo: "190",
    plover: "ASSAULT",
    verbs: ["attack#1", "attack#3", "kill#1", "seize#3", "bomb#1", "shell#1"],
    nouns: ["attack#1", "clash#2", "fighting#1", "seizure#2"],
    depth: 0,
    nounFiles: ["noun.act"],
    exclude: [
      "assail",
      "aggress",
      "appropriate",
      "capture",
      "conquer",
      "onset",
      "onrush",
      "friction",
      "gaining control"
    ],
    excludeNouns: ["kill", "fight", "combat"]
  },
  {
    id: "truce",
    event_type: "agreement",
    cameo: "0871",
    plover: "RETREAT",
    verbs: [],
    nouns: ["cease-fire#1"],
    depth: 0,
    nounFiles: [],
    exclude: []
  },
  {
    id: "quantity",
    event_type: "economic",
    cameo: "010",
    plover: "OTHER",
    verbs: ["increase#1", "increase#2", "decrease#1", "double#1", "triple#1", "rise#2", "grow#2", "soar#4", "plunge#2"],
    nouns: [],
    depth: 0,
    nounFiles: [],
    // diminish, lessen, fall (decrease#1), climb, go up, wane, go down: other senses first
    exclude: [
      "diminish",
      "lessen",
      "fall",
      "climb",
      "go up",
      "wane",
      "go down",
      "duplicate",
      "treble",
      "dive",
      "plunk"
    ],
    // "increased attention", "a growing focus" change no figure; "doubled", "tripled" are figures themselves
    requiresFigure: true
  }
]
