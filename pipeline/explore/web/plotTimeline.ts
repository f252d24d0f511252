/// <reference lib="dom" />
/**
 * An entity's events on a time axis, drawn with Observable Plot (pinned in package.json). This module is its own
 * chunk of the bundle, loaded only when an entity page has dated events. A date is drawn at its precision: a year or
 * a month (or an interval) is a bar over its days, a day is a point; lanes from laneLayout keep marks apart. Every mark
 * is a link to its event, with the summary and date as its title and label.
 */
import * as Plot from "@observablehq/plot"
import type { Layout, Mark } from "./timeline.js"

const DAY = 86_400_000
const [WIDTH, MARGIN, LANE, AXIS] = [720, 12, 14, 34]
const COLOURS = { year: "#a8c6ec", month: "#5a8fd0", day: "#0b57a4" } as const

/** Plot writes a <style> element into its SVG, which the page's Content-Security-Policy refuses: app.css has its rules. */
const withoutInlineStyle = (svg: Element): Element => {
  for (const style of Array.from(svg.querySelectorAll("style"))) style.remove()
  return svg
}

/** The width laneLayout is given, in pixels: the chart's width between its margins. */
export const PLOT_WIDTH = WIDTH - 2 * MARGIN

/** The timeline of `marks` (placed by laneLayout over PLOT_WIDTH) as an SVG element, titled for assistive technology. */
export const plotTimeline = (marks: ReadonlyArray<Mark>, layout: Layout, title: string): Element => {
  const placed = layout.placed.map((p) => {
    const m = marks[p.index]!
    return { ...m, lane: p.lane, from: new Date(m.days[0] * DAY), to: new Date(m.days[1] * DAY) }
  })
  const link = { y: "lane", href: "href", title: "label", ariaLabel: "label" } as const
  const oneDay = (p: (typeof placed)[number]) => p.precision === "day" && p.days[1] - p.days[0] <= 1
  const svg = Plot.plot({
    width: WIDTH,
    height: AXIS + layout.lanes * LANE + 4,
    marginLeft: MARGIN,
    marginRight: MARGIN,
    marginTop: 4,
    marginBottom: AXIS,
    className: "timeline",
    ariaLabel: title,
    x: { type: "utc", domain: [new Date(layout.from * DAY), new Date(layout.to * DAY)], label: null, grid: true },
    y: { type: "band", domain: Array.from({ length: layout.lanes }, (_, i) => i), axis: null, padding: 0.2 },
    marks: [
      // darker: more precise (a year, a month, an interval of days)
      ...(["year", "month", "day"] as const).map((precision) =>
        Plot.barX(
          placed.filter((p) => p.precision === precision && !oneDay(p)),
          { x1: "from", x2: "to", ...link, className: precision, fill: COLOURS[precision], rx: 2 }
        )
      ),
      Plot.dot(placed.filter(oneDay), {
        x: (p: { from: Date }) => new Date(p.from.getTime() + DAY / 2),
        ...link,
        className: "day",
        r: 4,
        fill: COLOURS.day
      })
    ]
  })
  return withoutInlineStyle(svg as Element)
}
