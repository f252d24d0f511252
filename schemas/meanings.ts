/**
 * What every value of the closed vocabularies (vocab.ts) and every CAMEO code the trigger lexicons use means: the
 * codebook's category tables are generated from these records, typed so that a new value without a meaning fails to
 * compile.
 */
import type {
  DateBasis,
  DatePrecision,
  Detection,
  EntityType,
  EventType,
  EvidenceTable,
  MetadataOrigin,
  Modality,
  PloverType,
  Predicate,
  Role,
  TextPolicy
} from "./vocab.js"

/** Entity types (the gold format's, ../shared/gold/FORMAT.md). */
export const ENTITY_TYPE_MEANINGS: Record<EntityType, string> = {
  person: "A named human being.",
  country: "A sovereign state (or a former one), by name, alias or demonym.",
  organization:
    "A government body (State Department), international organisation (SCO), company, NGO, university, media outlet or political group.",
  location: "A city, region, sea, site or geographic area (Central Asia, Eurasia, the Caspian Sea).",
  initiative: "A named format, programme, accord, route or council (C5+1, Abraham Accords, Belt and Road Initiative).",
  legislation: "A named law, amendment or bill (the Jackson–Vanik amendment).",
  commodity: "A raw material or good (uranium, copper, gold, rare earths, critical minerals).",
  named_event: "A named recurring or one-off event (G20 summit, UN General Assembly)."
}

/** Event types (the gold format's vocabulary). */
export const EVENT_TYPE_MEANINGS: Record<EventType, string> = {
  meeting: "Leaders, officials or delegations meet, hold talks, a summit or a conference, or host one another.",
  visit: "An official travels to a place or a state (arrives, tours, leads a delegation).",
  phone_call: "A telephone or video call between officials.",
  statement: "An announcement, declaration, remark, joint statement, or praise or criticism voiced.",
  invitation: "An invitation to a visit, a meeting or a summit.",
  agreement: "A memorandum, deal or agreement signed or reached, a commitment made, a truce.",
  accession: "A state or body joins (accedes to) an organisation, accord or initiative.",
  legislation: "A bill introduced, a law passed, amended or repealed.",
  restriction: "Sanctions, visa or export restrictions, bans, suspensions, pauses.",
  economic: "Investment, trade, a sale or purchase, a contract, funding or lending, construction, a changed figure.",
  appeal: "A request or demand: an open letter urging, a call for a release.",
  other: "An event of another kind the lexicons know (elections, appointments, founding, armed conflict, ...)."
}

/** PLOVER event categories (PLOVER manual; the lexicons map CAMEO codes to them after CAMEO2PLOVER-2021). */
export const PLOVER_MEANINGS: Record<PloverType, string> = {
  AGREE: "Verbal cooperation: agree to, promise or express intent to do something (including invitations).",
  CONSULT: "Verbal cooperation: meet, visit, host, negotiate or talk by phone.",
  SUPPORT: "Verbal cooperation: praise, endorse or sign an agreement with; join an accord.",
  CONCEDE: "Verbal cooperation: yield, retract, concede or ease a position (e.g. repeal a measure).",
  COOPERATE: "Material cooperation: economic, military or other practical cooperation (trade, investment, contracts).",
  AID: "Material cooperation: give economic, humanitarian or military aid, grants or loans.",
  RETREAT: "Material cooperation: withdraw, de-escalate, declare a truce or ceasefire.",
  REQUEST: "Verbal conflict: demand, appeal or ask for something.",
  ACCUSE: "Verbal conflict: criticise, denounce, blame or accuse.",
  REJECT: "Verbal conflict: refuse, reject or deny a request or proposal.",
  THREATEN: "Verbal conflict: threaten; also tensions and crises short of force.",
  SANCTION: "Material conflict short of force: impose sanctions, embargoes, bans or administrative restrictions.",
  PROTEST: "Material conflict: demonstrate, strike or protest.",
  MOBILIZE: "Material conflict: mobilise or deploy forces.",
  COERCE: "Material conflict: arrest, seize, restrict or coerce.",
  ASSAULT: "Material conflict: use armed force, attack, war.",
  OTHER: "Not a PLOVER event category: reporting, figures, founding, elections and other events kept for context."
}

/** Factuality of an event as the text presents it. */
export const MODALITY_MEANINGS: Record<Modality, string> = {
  asserted: "Reported as having happened or happening (the default).",
  planned: "Scheduled or announced as upcoming (will visit, plans to sign, a summit next month).",
  expected: "Predicted by others (is expected to).",
  hypothetical: "Conditional (would, if, could).",
  negated: "Said not to have happened (has never visited, did not sign)."
}

/** Precision of a partial ISO 8601 date. */
export const DATE_PRECISION_MEANINGS: Record<DatePrecision, string> = {
  day: "A calendar day: YYYY-MM-DD.",
  month: "A month: YYYY-MM (the day is not known).",
  year: "A year: YYYY (month and day are not known).",
  unknown: "No date: the date column is null."
}

/** Participant roles. */
export const ROLE_MEANINGS: Record<Role, string> = {
  actor: "Acts: hosts, visits, invites, announces, signs.",
  target: "Is acted upon or met: invited, visited, hosted, sanctioned, praised.",
  participant: "Otherwise involved (a co-signer, a party at a meeting, a place or body taking part)."
}

/** Relation predicates (subject → object). */
export const PREDICATE_MEANINGS: Record<Predicate, string> = {
  holds_position: "Person → country or organisation; role_title gives the title (President, Secretary of State, ...).",
  member_of: "Country or person → organisation, format, party or initiative (including joining it).",
  part_of: "Country → region; location → larger location.",
  located_in: "City or site → country.",
  capital_of: "City → country.",
  has_resource: "Country or region → commodity.",
  affiliated_with: "Person → non-governmental organisation (employer, think tank, outlet).",
  partner_of: "Country ↔ country where the text states a partnership, agreement or alignment (either direction)."
}

/** How a source's publication date was established. */
export const DATE_BASIS_MEANINGS: Record<DateBasis, string> = {
  metadata: "Given by the publisher's metadata (sources.json or a .meta.json sidecar).",
  stated_in_text: "A dateline or date stated in the article text.",
  url: "A date in the article's URL path.",
  inferred_from_content: "Reasoned from the text (relative days, events mentioned); published_note says how.",
  unknown: "Not known: published is null."
}

/** Where a source's metadata came from. */
export const METADATA_ORIGIN_MEANINGS: Record<MetadataOrigin, string> = {
  manifest: "The sources folder's sources.json.",
  sidecar: "A .meta.json sidecar file beside the article (same name as the article).",
  inferred: "Neither: title and date were inferred from the text."
}

/** Tables an evidence row can support. */
export const EVIDENCE_TABLE_MEANINGS: Record<EvidenceTable, string> = {
  entities: "The evidence row quotes a mention of an entity.",
  events: "The evidence row quotes a report of an event.",
  event_participants: "The evidence row quotes the mention of a participant in an event's report.",
  relations: "The evidence row quotes the statement of a relation."
}

/** What a release publishes of a source's text (from its licence, its sidecar or `build --texts`). */
export const TEXT_POLICY_MEANINGS: Record<TextPolicy, string> = {
  full: "The text is published in the texts folder (text_path); every span can be re-sliced from it.",
  quotes:
    "Only the text's hash, the offsets and the evidence quotes are published (its licence does not allow more); validate --texts DIR checks them against the original."
}

/** How an entity was detected. */
export const DETECTION_MEANINGS: Record<Detection, string> = {
  gazetteer: "Listed in a gazetteer lexicon (canonical name, aliases, codes).",
  pattern: "Found by title, suffix, capitalisation or context cues; not in a lexicon."
}

/**
 * CAMEO 1.1b3 names of the codes the trigger lexicons assign (pipeline/lexicons/triggers*.v1.jsonl); a test checks
 * that this list and the lexicons' codes are the same set.
 */
export const CAMEO_NAMES: Readonly<Record<string, string>> = {
  "010": "Make statement, not specified below",
  "020": "Make an appeal or request, not specified below",
  "030": "Express intent to cooperate, not specified below",
  "0343": "Express intent to provide rights",
  "036": "Express intent to meet or negotiate",
  "040": "Consult, not specified below",
  "041": "Discuss by telephone",
  "042": "Make a visit",
  "043": "Host a visit",
  "046": "Engage in negotiation",
  "051": "Praise or endorse",
  "057": "Sign formal agreement",
  "061": "Cooperate economically",
  "071": "Provide economic aid",
  "087": "De-escalate military engagement",
  "0871": "Declare truce, ceasefire",
  "111": "Criticize or denounce",
  "112": "Accuse, not specified below",
  "130": "Threaten, not specified below",
  "163": "Impose embargo, boycott, or sanctions",
  "172": "Impose administrative sanctions, not specified below",
  "190": "Use conventional military force, not specified below"
}
