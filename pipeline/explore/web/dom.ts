/// <reference lib="dom" />
/** Building elements without innerHTML: every text goes in as a text node, so no data can become markup. */

/** What an element can hold: nodes, texts, nothing, or lists of them. */
export type Child = Node | string | number | null | undefined | false | ReadonlyArray<Child>

/** Attributes; `on<event>` keys add listeners; null, undefined and false leave the attribute out. */
export type Attrs = Readonly<Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>>

const fill = (el: Element, attrs: Attrs, children: ReadonlyArray<Child>): void => {
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === "function") el.addEventListener(k.slice(2), v)
    else if (v !== null && v !== undefined && v !== false) el.setAttribute(k, v === true ? "" : String(v))
  }
  const add = (c: Child): void => {
    if (c === null || c === undefined || c === false) return
    if (Array.isArray(c)) for (const x of c as ReadonlyArray<Child>) add(x)
    else el.append(typeof c === "number" ? String(c) : (c as Node | string))
  }
  for (const c of children) add(c)
}

/** An HTML element. */
export const h = (tag: string, attrs: Attrs = {}, ...children: ReadonlyArray<Child>): HTMLElement => {
  const el = document.createElement(tag)
  fill(el, attrs, children)
  return el
}

/** Append children (as `h` takes them) to an element. */
export const put = (el: Element, ...children: ReadonlyArray<Child>): void => fill(el, {}, children)

/** An SVG element. */
export const s = (tag: string, attrs: Attrs = {}, ...children: ReadonlyArray<Child>): SVGElement => {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag)
  fill(el, attrs, children)
  return el
}

/** A link to a page of the explorer. */
export const link = (route: string, ...children: ReadonlyArray<Child>): HTMLElement =>
  h("a", { href: `#/${route}` }, ...children)

/** A definition list of facts; rows whose value is null are left out. */
export const facts = (rows: ReadonlyArray<readonly [string, Child]>): HTMLElement =>
  h(
    "dl",
    { class: "facts" },
    rows.filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])
  )

/** A table with a caption, header cells and rows; columns named in `numeric` are right-aligned. */
export const table = (
  caption: string,
  head: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<Child>>,
  numeric: ReadonlyArray<number> = []
): HTMLElement =>
  h(
    "div",
    { class: "scroll" },
    h(
      "table",
      {},
      h("caption", { class: "muted" }, caption),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          head.map((c, i) => h("th", { scope: "col", class: numeric.includes(i) ? "num" : null }, c))
        )
      ),
      h(
        "tbody",
        {},
        rows.map((r) =>
          h(
            "tr",
            {},
            r.map((c, i) => h("td", { class: numeric.includes(i) ? "num" : null }, c))
          )
        )
      )
    )
  )

/** A number with thousands separators. */
export const num = (n: number): string => n.toLocaleString("en-US")
