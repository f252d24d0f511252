/**
 * A JSON-LD file read as RDF by an independent parser (jsonld-streaming-parser, not the jsonld.js the pipeline and
 * verify-release use), offline: every document the parser asks for is recorded and refused. Quads are indexed by
 * subject for the checks of tests/05-publish/jsonldRdf.test.ts.
 */
import { readFileSync } from "node:fs"
import type * as RDF from "@rdfjs/types"
import { JsonLdParser } from "jsonld-streaming-parser"

/** A term as one comparable string: <iri>, _:label, or "value"^^<datatype> (@lang). */
export const termKey = (t: RDF.Term): string =>
  t.termType === "NamedNode"
    ? `<${t.value}>`
    : t.termType === "BlankNode"
      ? `_:${t.value}`
      : t.termType === "Literal"
        ? `${JSON.stringify(t.value)}^^<${t.datatype.value}>${t.language ? `@${t.language}` : ""}`
        : t.termType === "DefaultGraph"
          ? ""
          : `?${t.value}`

/** The quads of a JSON-LD file, and the URLs the parser tried to load (all refused). */
export const parseJsonLdFile = async (path: string): Promise<{ quads: Array<RDF.Quad>; requested: Array<string> }> => {
  const requested: Array<string> = []
  const parser = new JsonLdParser({
    baseIRI: `file://${path}`,
    strictValues: true,
    streamingProfile: true,
    documentLoader: {
      load: async (url: string) => {
        requested.push(url)
        throw new Error(`offline: refused ${url}`)
      }
    }
  })
  const quads: Array<RDF.Quad> = []
  await new Promise<void>((resolve, reject) => {
    parser.on("data", (q: RDF.Quad) => quads.push(q))
    parser.on("error", reject)
    parser.on("end", () => resolve())
    parser.end(readFileSync(path, "utf8"))
  })
  return { quads, requested }
}

/** Quads by subject, then predicate: the objects of (subject, predicate). */
export const bySubject = (quads: ReadonlyArray<RDF.Quad>) => {
  const index = new Map<string, Map<string, Array<RDF.Term>>>()
  for (const q of quads) {
    const s = termKey(q.subject)
    let preds = index.get(s)
    if (!preds) index.set(s, (preds = new Map()))
    const list = preds.get(q.predicate.value)
    if (list) list.push(q.object)
    else preds.set(q.predicate.value, [q.object])
  }
  return {
    subjects: () => index.keys(),
    /** The objects of (subject, predicate); a subject is a term key (<iri> or _:label). */
    objects: (subject: string, predicate: string): Array<RDF.Term> => index.get(subject)?.get(predicate) ?? [],
    /** The one object of (subject, predicate), as a term key; fails when there are none or several. */
    one: (subject: string, predicate: string): string => {
      const os = index.get(subject)?.get(predicate) ?? []
      if (os.length !== 1) throw new Error(`${subject} has ${os.length} ${predicate}`)
      return termKey(os[0]!)
    }
  }
}

/**
 * A graph whose blank nodes form trees (each the object of one triple, as the release's annotation targets and
 * selectors are) as sorted lines, each blank node written out as the sorted list of its own triples: equal for two
 * parsers exactly when they read the same graph, whatever labels they gave the blank nodes.
 */
export const treeLines = (quads: ReadonlyArray<RDF.Quad>): Array<string> => {
  const outgoing = new Map<string, Array<RDF.Quad>>()
  for (const q of quads)
    if (q.subject.termType === "BlankNode") {
      const list = outgoing.get(q.subject.value)
      if (list) list.push(q)
      else outgoing.set(q.subject.value, [q])
    }
  const objectOfSomething = new Set(quads.flatMap((q) => (q.object.termType === "BlankNode" ? [q.object.value] : [])))
  const write = (t: RDF.Term, depth: number): string => {
    if (t.termType !== "BlankNode") return termKey(t)
    if (depth > 10) throw new Error("blank nodes nested too deep (a cycle?)")
    const parts = (outgoing.get(t.value) ?? []).map((q) => `<${q.predicate.value}> ${write(q.object, depth + 1)}`)
    return `[${parts.sort().join("; ")}]`
  }
  const roots = quads.filter((q) => q.subject.termType !== "BlankNode" || !objectOfSomething.has(q.subject.value))
  return roots.map((q) => `${write(q.subject, 0)} <${q.predicate.value}> ${write(q.object, 0)}`).sort()
}
