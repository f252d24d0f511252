/// <reference lib="dom" />
/**
 * The timeline's layout, pure (tested in Node): the days a date covers at its precision (a day, a month, a year, an
 * interval to its last day), and lanes that keep marks from overlapping. plotTimeline.ts draws it with Observable Plot.
 */

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

/** Marks placed in lanes, and the days the axis runs over. */
export interface Layout {
  readonly placed: ReadonlyArray<Placed>
  readonly lanes: number
  readonly from: number
  readonly to: number
}

/** Place intervals on `width` pixels (after `left`), each in the first lane free at its start; at least 4px wide. */
export const laneLayout = (spans: ReadonlyArray<readonly [number, number]>, width: number, left = 0): Layout => {
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
