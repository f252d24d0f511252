/**
 * What the event codes mean: CAMEO codes (CAMEO 1.1b3 codebook) for the codes the trigger lexicons use, else the
 * code's root category; the PLOVER categories (PLOVER manual). Vocabulary, not facts of any article.
 */

const CAMEO_ROOTS: Record<string, string> = {
  "01": "Make public statement",
  "02": "Appeal",
  "03": "Express intent to cooperate",
  "04": "Consult",
  "05": "Engage in diplomatic cooperation",
  "06": "Engage in material cooperation",
  "07": "Provide aid",
  "08": "Yield",
  "09": "Investigate",
  "10": "Demand",
  "11": "Disapprove",
  "12": "Reject",
  "13": "Threaten",
  "14": "Protest",
  "15": "Exhibit force posture",
  "16": "Reduce relations",
  "17": "Coerce",
  "18": "Assault",
  "19": "Fight",
  "20": "Use unconventional mass violence"
}

const CAMEO: Record<string, string> = {
  "010": "Make statement, not specified below",
  "020": "Make an appeal or request, not specified below",
  "030": "Express intent to cooperate, not specified below",
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
  "111": "Criticize or denounce",
  "112": "Accuse",
  "130": "Threaten, not specified below",
  "163": "Impose embargo, boycott, or sanctions",
  "172": "Impose administrative sanctions",
  "190": "Use conventional military force, not specified below"
}

/** The meaning of a CAMEO code: its own name where listed, else its root category's (said so). */
export const cameoMeaning = (published: string): string => {
  // the tables publish CAMEO:042 (so no CSV reader drops the leading zero); the names are keyed by the bare code
  const code = published.replace(/^CAMEO:/, "")
  return (
    CAMEO[code] ?? (CAMEO_ROOTS[code.slice(0, 2)] ? `${CAMEO_ROOTS[code.slice(0, 2)]} (root category)` : "unknown code")
  )
}

const PLOVER: Record<string, string> = {
  AGREE: "Agree to do something (future cooperation, talks, a settlement)",
  CONSULT: "Meetings, visits, calls and talks",
  SUPPORT: "Verbal support, endorsement, signed agreements",
  CONCEDE: "Concessions: easing restrictions, releasing, ceding",
  COOPERATE: "Material cooperation: economic, military, judicial, intelligence",
  AID: "Giving aid: economic, military, humanitarian",
  RETREAT: "Withdrawing, de-escalating, ceasefire",
  REQUEST: "Asking for something: aid, cooperation, meetings, action",
  ACCUSE: "Criticising, accusing, blaming",
  REJECT: "Refusing a request, proposal or demand",
  THREATEN: "Threats of force, sanctions or other action",
  SANCTION: "Sanctions, embargoes, cutting relations, restrictions",
  PROTEST: "Demonstrations, strikes, boycotts",
  MOBILIZE: "Mobilising or deploying forces",
  COERCE: "Arrests, seizures, repression",
  ASSAULT: "Physical violence",
  OTHER: "Not one of the PLOVER interaction categories (e.g. a statement)"
}

/** The meaning of a PLOVER category. */
export const ploverMeaning = (code: string): string => PLOVER[code] ?? "unknown category"
