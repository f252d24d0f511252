/// <reference lib="dom" />
/**
 * The explorer's entry point: a hash router (#/, #/search/<query>, #/entity/<id>, #/event/<id>, #/source/<id>), so
 * the page works from any static host or folder server. Each page renders off-screen and replaces the last one; focus
 * moves to the new content, and "/" focuses the search box.
 */
import { h, link } from "./dom.js"
import { entityPage } from "./pageEntity.js"
import { eventPage } from "./pageEvent.js"
import { releasePage } from "./pageRelease.js"
import { searchPage } from "./pageSearch.js"
import { sourcePage } from "./pageSource.js"

const main = document.getElementById("main") as HTMLElement
const input = document.getElementById("q") as HTMLInputElement
const version = document.title.replace(/^Release (\S+).*$/, "$1")
let generation = 0

const render = (view: HTMLElement, kind: string, arg: string): Promise<string> => {
  if (kind === "entity") return entityPage(view, arg)
  if (kind === "event") return eventPage(view, arg)
  if (kind === "source") return sourcePage(view, arg)
  if (kind === "search") {
    input.value = arg
    return searchPage(view, arg)
  }
  return releasePage(view)
}

const route = async (): Promise<void> => {
  const hash = location.hash
  // an in-page anchor (the skip link) is not a page
  if (hash !== "" && hash !== "#" && !hash.startsWith("#/")) return
  const [kind = "", ...rest] = hash.slice(2).split("/")
  const arg = decodeURIComponent(rest.join("/"))
  const mine = ++generation
  const view = h("div", {})
  main.setAttribute("aria-busy", "true")
  let title: string
  try {
    title = await render(view, kind, arg)
  } catch (e) {
    title = "Not found"
    view.replaceChildren(h("h1", {}, title), h("p", {}, (e as Error).message), h("p", {}, link("", "The release")))
  }
  if (mine !== generation) return
  main.replaceChildren(...Array.from(view.childNodes))
  main.removeAttribute("aria-busy")
  main.dataset.page = kind || "release"
  document.title = `${title} · release ${version}`
  window.scrollTo(0, 0)
  main.focus({ preventScroll: true })
}

document.getElementById("search-form")!.addEventListener("submit", (e) => {
  e.preventDefault()
  const q = input.value.trim()
  if (q !== "") location.hash = `#/search/${encodeURIComponent(q)}`
})
document.addEventListener("keydown", (e) => {
  const target = e.target as HTMLElement
  if (e.key === "/" && !["INPUT", "TEXTAREA"].includes(target.tagName)) {
    e.preventDefault()
    input.focus()
  }
})
window.addEventListener("hashchange", () => void route())
void route()
