/// <reference lib="dom" />
/**
 * An entity's events on a time axis, drawn in SVG by hand (no chart library: a few hundred bytes instead of Plot's and
 * d3's hundred kilobytes). A date is drawn at its precision: a day is a thin bar, a month or a year a bar as long as
 * the month or the year, an interval from its first to its last day. Layout is pure (laneLayout); draw() makes the SVG.
 */
import { s } from "./dom.js"

const DAY = 86_400_000

/** The days [from, to) a date covers at its precision (through `dateEnd` when given), or null when undated. */
export const daysOf = (date: string | null, dateEnd: string | null): readonly [number, number] | null => {
  if (date === null) return null
  const span = (d: string): readonly [number, number] | null => {
    const [y, m, dd] = d.split("-").map(Number) as [number, number | undefined, number | undefined]
    if (!Number.isFinite(y)) return null
    if (m === undefined) return [Date.UTC(y, 0, 1) / DAY, Date.UTC(y + 1, 0, 1) / DAY]
    if (dd === undefined) return [Date.UTC(y, m - 1, 1) / DAY, Date.UTC(y, m, 1) / DAY]
    return [Date.UTC(y, m - 1, dd) / DAY, Date.UTC(y, m - 1, dd) / DAY + 1]
  }
  const first = span(date)
  const last = dateEnd === null ? first : span(dateEnd)
  return first === null || last === null ? null : [first[0], Math.max(first[1], last[1])]
}

/** An event placed on the timeline: x and width in pixels, lane (row) from 0. */
export interface Placed {
  readonly index: number
  readonly x: number
  readonly width: number
  readonly lane: number
}

/** Place intervals on `width` pixels (after `left`), each in the first lane free at its start; at least 4px wide. */
export const laneLayout = (
  spans: ReadonlyArray<readonly [number, number]>,
  width: number,
  left = 0
): { placed: Array<Placed>; lanes: number; from: number; to: number } => {
  const from = Math.min(...spans.map((d) => d[0]))
  const to = Math.max(...spans.map((d) => d[1]))
  const scale = width / Math.max(1, to - from)
  const ends: Array<number> = []
  const order = spans.map((d, i) => [d, i] as const).sort(([a], [b]) => a[0] - b[0] || b[1] - a[1])
  const placed = order.map(([d, index]) => {
    const x = left + (d[0] - from) * scale
    const w = Math.max(4, (d[1] - d[0]) * scale)
    let lane = ends.findIndex((end) => end + 2 <= x)
    if (lane === -1) lane = ends.push(0) - 1
    ends[lane] = x + w
    return { index, x, width: w, lane }
  })
  return { placed: placed.sort((a, b) => a.index - b.index), lanes: ends.length, from, to }
}

/** One event to draw: its days, precision (the bar's class), label and link. */
export interface Mark {
  readonly days: readonly [number, number]
  readonly precision: string
  readonly label: string
  readonly href: string
}

const yearTicks = (from: number, to: number): Array<readonly [number, string]> => {
  const [y0, y1] = [new Date(from * DAY).getUTCFullYear(), new Date(to * DAY).getUTCFullYear()]
  const out: Array<readonly [number, string]> = []
  for (let y = y0; y <= y1 + 1; y++) {
    const d = Date.UTC(y, 0, 1) / DAY
    // a tick at the right edge would have no room for its label
    if (d >= from && d <= to - (to - from) / 20) out.push([d, String(y)])
  }
  return out
}

/** The SVG timeline of the marks (each a link to its event, with the label as its title). */
export const draw = (marks: ReadonlyArray<Mark>, title: string): SVGElement => {
  const [W, LEFT, LANE, TOP] = [720, 8, 14, 22]
  const layout = laneLayout(
    marks.map((m) => m.days),
    W - 2 * LEFT,
    LEFT
  )
  const height = TOP + layout.lanes * LANE + 8
  const x = (d: number) => LEFT + ((d - layout.from) / Math.max(1, layout.to - layout.from)) * (W - 2 * LEFT)
  return s(
    "svg",
    { class: "timeline", viewBox: `0 0 ${W} ${height}`, "aria-label": title },
    s("title", {}, title),
    yearTicks(layout.from, layout.to).map(([d, label]) => [
      s("line", { x1: x(d), x2: x(d), y1: 14, y2: height, stroke: "#bbb" }),
      s("text", { x: x(d) + 3, y: 12 }, label)
    ]),
    layout.placed.map((p) => {
      const m = marks[p.index]!
      return s(
        "a",
        { href: m.href, "aria-label": m.label },
        s("title", {}, m.label),
        s("rect", { class: m.precision, x: p.x, y: TOP + p.lane * LANE, width: p.width, height: LANE - 4, rx: 2 })
      )
    })
  )
}
