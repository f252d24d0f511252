/**
 * Line-level segmentation of an article into title, body and boilerplate (repeated title,
 * tags, credits, syndication notes, original url, author bio, page chrome). Boilerplate is
 * recorded, never deleted: the published text keeps every character.
 */

/** A segment of the text (UTF-16 offsets) that is not article body. */
export interface Boilerplate {
  readonly kind: string
  readonly start: number
  readonly end: number
  readonly text: string
}

interface Line {
  readonly start: number
  readonly end: number
  readonly text: string
}

const linesOf = (text: string): Array<Line> => {
  const out: Array<Line> = []
  let start = 0
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      out.push({ start, end: i, text: text.slice(start, i) })
      start = i + 1
    }
  }
  return out
}

/** A bracketed position cue of a photo caption. */
const CAPTION_CUE = /\((?:center|centre|left|right|second (?:from )?(?:left|right)|front|rear|L|R|C)\)/i

/** Line rules: kind and a test on the trimmed line. Order matters: first match wins. */
export const LINE_RULES: ReadonlyArray<{
  readonly id: string
  readonly kind: string
  readonly test: (t: string) => boolean
}> = [
  {
    id: "boilerplate.tags.v1",
    kind: "tags",
    test: (t) => /^tags:?$/i.test(t) || /^tags:\s/i.test(t)
  },
  {
    id: "boilerplate.original-url.v1",
    kind: "original_url",
    test: (t) => /^original (url|article|source):?/i.test(t)
  },
  {
    id: "boilerplate.bare-url.v1",
    kind: "url",
    test: (t) => /^<?https?:\/\/\S+>?$/.test(t)
  },
  {
    id: "boilerplate.syndication.v1",
    kind: "syndication",
    test: (t) => /^this (story|article) (was )?(originally|first) /i.test(t)
  },
  {
    id: "boilerplate.related.v1",
    kind: "related",
    test: (t) => /^(related( article| story)?|read (more|also)|see also):/i.test(t)
  },
  {
    id: "boilerplate.image-credit.v1",
    kind: "image_credit",
    test: (t) => /^(image|photo|photo credit|image credit|credit|picture|source)\s*:/i.test(t)
  },
  {
    id: "boilerplate.page-chrome.v1",
    kind: "page_chrome",
    test: (t) => /\bcomments off\b|\b\d+ min(ute)? read\b|^share (this|on)\b/i.test(t)
  },
  {
    id: "boilerplate.dateline.v1",
    kind: "dateline",
    test: (t) => /^(?:[A-Z][a-z]+ \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}|\d{4}-\d{2}-\d{2})$/.test(t)
  },
  // a date alone on its line, with a weekday or in figures ("Monday, January 19, 2026", "26/12/2025", "12.03.2025")
  {
    id: "boilerplate.date-line.v1",
    kind: "dateline",
    test: (t) =>
      /^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )(?:[A-Z][a-z]+ \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+,? \d{4})$/.test(
        t
      ) || /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(t)
  },
  // a figure alone on its line (a view or comment counter)
  {
    id: "boilerplate.counter.v1",
    kind: "page_chrome",
    test: (t) => /^\d{1,7}$/.test(t)
  },
  // page navigation and widgets ("Skip to main content", "Home", "Subscribe", "Support our journalism",
  // "schema:articleBody")
  {
    id: "boilerplate.navigation.v1",
    kind: "navigation",
    test: (t) =>
      /^(?:skip to (?:main )?content|home|menu|search|subscribe(?: now)?|sign in|log in|register|print|advertisement|support our journalism|scorecardresearch|add as a preferred source on google|follow us|back to top)$/i.test(
        t
      ) ||
      (/^follow us on /i.test(t) && t.length <= 40) ||
      /^schema:[a-z]+$/i.test(t)
  }
]

/** A line compared with the title: lower case, typographic quotes and dashes unified, spaces collapsed. */
const titleKey = (t: string): string =>
  t.toLowerCase().replace(/[‘’`]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, "-").replace(/\s+/g, " ").trim()

/** A line (`key`, its titleKey) that is the title again in another case or quotes, or after a breadcrumb trail. */
const repeatsTitle = (t: string, key: string, title: string, titleKeyed: string): boolean =>
  key === titleKeyed ||
  (key.endsWith(titleKeyed) && /^[A-Z][A-Za-z]*$/.test(t.slice(0, t.length - title.length).trim()))

const isHeadline = (t: string): boolean =>
  t.length > 0 && t.length <= 200 && !/[.:;,]$/.test(t) && t.split(/\s+/).length >= 3

/** Find the title and the boilerplate lines of an article. */
export const segment = (
  text: string,
  metaTitle: string | null
): {
  readonly title: string | null
  readonly titleLine: Line | null
  readonly boilerplate: ReadonlyArray<Boilerplate>
} => {
  const lines = linesOf(text)
  const nonEmpty = lines.filter((l) => l.text.trim().length > 0)
  const first = nonEmpty[0]
  const firstText = first?.text.trim() ?? ""
  const title = metaTitle ?? (first && isHeadline(firstText) ? firstText : null)
  const titleLine = first && title !== null && firstText === title ? first : null
  const out: Array<Boilerplate> = []
  const push = (kind: string, l: Line) => {
    const lead = l.text.length - l.text.trimStart().length
    const t = l.text.trim()
    out.push({
      kind,
      start: l.start + lead,
      end: l.start + lead + t.length,
      text: t
    })
  }
  // an excerpt marker such as " date 2025-06-18" at the very start
  const marker = /^\s*date \d{4}-\d{2}-\d{2}\b/.exec(text)
  if (marker) {
    const lead = marker[0].length - marker[0].trimStart().length
    out.push({
      kind: "date_marker",
      start: lead,
      end: marker[0].length,
      text: marker[0].trim()
    })
  }
  let inBio = false
  let afterOriginalUrl = false
  // (the title's key, made once rather than for every line)
  const titleKeyed = title !== null && title.length >= 20 ? titleKey(title) : null
  // the kind of boilerplate line `l` (the i-th non-empty line) is, or null for text
  const kindOf = (l: (typeof nonEmpty)[number], i: number): string | null => {
    const t = l.text.trim()
    if (inBio) return "author_bio"
    if (/^about the author\b/i.test(t)) {
      inBio = true
      return "author_bio"
    }
    if (l !== first && title !== null && t === title) return "repeated_title"
    // the title again in another case or quotes, or glued to a breadcrumb trail before it ("HomeWorld<title>")
    if (l !== first && titleKeyed !== null && repeatsTitle(t, titleKey(t), title!, titleKeyed)) return "repeated_title"
    if (afterOriginalUrl && /^<?https?:\/\//.test(t)) {
      afterOriginalUrl = false
      return "original_url"
    }
    const rule = LINE_RULES.find((r) => r.test(t))
    if (rule) {
      afterOriginalUrl = rule.kind === "original_url"
      return rule.kind
    }
    // a one- or two-word line without punctuation in the opening block is a wire/photo credit
    if (
      i > 0 &&
      i <= 4 &&
      t.split(" ").length <= 2 &&
      t.split(" ").every((w) => /^[\p{L}.&-]+$/u.test(w)) &&
      !/[.!?]$/.test(t)
    )
      return "credit"
    // a photo caption: a position cue in brackets ("Joe Biden (center) meets ...")
    if (CAPTION_CUE.test(t)) return "caption"
    // a short line without final punctuation between paragraphs is a subheading or caption ("Call with the president");
    // the last line is not judged: excerpts end mid-sentence
    if (i > 0 && i < nonEmpty.length - 1 && !/[.!?:;"”’)\]]$/.test(t) && t.split(/\s+/).length <= 10)
      return "subheading"
    return null
  }
  nonEmpty.forEach((l, i) => {
    const kind = kindOf(l, i)
    if (kind !== null) push(kind, l)
  })
  return {
    title,
    titleLine,
    boilerplate: out.sort((a, b) => a.start - b.start)
  }
}
