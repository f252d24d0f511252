/**
 * A node's evidence in release.jsonld: each evidence row as a W3C Web Annotation (a TextPositionSelector and a
 * TextQuoteSelector on its source), as objects (toJsonLd) or written as bytes (the release's parts). The two give the
 * same keys in the same order (tests/05-publish/jsonld.test.ts holds them equal).
 */

import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import { type ByteWriter, jsonBytes } from "./jsonBytes.js"
import { decimal, iri, motivation, typedDate } from "./jsonldContext.js"

type Evidence = ReleaseTables["evidence"]
type EvidenceColumn = Parameters<Evidence["cellFormatter"]>[0]

/** A node's evidence as W3C Web Annotations (objects), each targeting a span of its source. */
export const annotationObjects = (evidence: Evidence): ((positions: ReadonlyArray<number>) => unknown) => {
  const col = <B>(name: EvidenceColumn, f: (v: unknown) => B) => evidence.cellFormatter(name, f)
  const raw = (name: EvidenceColumn) => col(name, (v) => v)
  const [evidenceId, reportedDate, reportedPrecision, conflict] = [
    raw("evidence_id"),
    raw("reported_date"),
    raw("reported_precision"),
    raw("conflict")
  ]
  const [confidence, start, end, exact] = [raw("confidence"), raw("char_start"), raw("char_end"), raw("quote")]
  const [source, method, rowTable, pipelineVersion] = [
    raw("source_id"),
    raw("method"),
    raw("row_table"),
    raw("pipeline_version")
  ]
  const reportedModality = col("reported_modality", (v) => (v === null ? undefined : v))
  return (positions) =>
    positions.map((k) => {
      const id = evidenceId(k) as string
      const date = reportedDate(k) as string | null
      return {
        type: "oa:Annotation",
        id: iri(id),
        confidence: decimal(confidence(k) as number),
        ...(conflict(k) ? { conflict: true } : {}),
        hasTarget: {
          type: "oa:SpecificResource",
          hasSelector: [
            { type: "TextPositionSelector", end: end(k), start: start(k) },
            { type: "TextQuoteSelector", exact: exact(k) }
          ],
          hasSource: iri(source(k) as string)
        },
        identifier: id,
        method: method(k),
        motivatedBy: motivation(rowTable(k) as string),
        pipelineVersion: pipelineVersion(k),
        reportedDate: date === null ? undefined : typedDate(date, reportedPrecision(k) as string, id),
        reportedModality: reportedModality(k)
      }
    })
}

/** ASCII text as bytes (the fixed pieces of an annotation). */
const ascii = (s: string): Buffer => Buffer.from(s, "latin1")

const ANNOTATION = ascii(`{"type":"oa:Annotation","id":${JSON.stringify(iri("")).slice(0, -1)}`)
const CONFIDENCE = ascii(`","confidence":`)
const CONFLICT = ascii(`,"conflict":true`)
const TARGET = ascii(`,"hasTarget":{"type":"oa:SpecificResource","hasSelector":[{"type":"TextPositionSelector","end":`)
const START = ascii(`,"start":`)
const EXACT = ascii(`},{"type":"TextQuoteSelector","exact":`)
const SOURCE = ascii(`}],"hasSource":`)
const IDENTIFIER = ascii(`},"identifier":`)

/**
 * annotationObjects' list written as JSON (`JSON.stringify` of it, byte for byte). Every value that rows share (a
 * source, a method, a confidence, a reported date) is encoded once, key included; per row only the id, the offsets
 * and the quote are written.
 */
export const annotationWriter = (evidence: Evidence): ((w: ByteWriter, positions: ReadonlyArray<number>) => void) => {
  const col = <B>(name: EvidenceColumn, f: (v: unknown) => B) => evidence.cellFormatter(name, f)
  const raw = (name: EvidenceColumn) => col(name, (v) => v)
  const keyed = (key: string) => (v: unknown) => jsonBytes({ [key]: v }).subarray(1, -1)
  const [evidenceId, conflict, start, end, exact] = [
    raw("evidence_id"),
    raw("conflict"),
    raw("char_start"),
    raw("char_end"),
    raw("quote")
  ]
  const [reportedDate, reportedPrecision] = [raw("reported_date"), raw("reported_precision")]
  const source = col("source_id", (v) => jsonBytes(iri(v as string)))
  // from `,"method":` to the end of the annotation, but for its reported date and modality
  const [method, motivatedBy, pipelineVersion] = [
    col("method", keyed("method")),
    col("row_table", (v) => keyed("motivatedBy")(motivation(v as string))),
    col("pipeline_version", keyed("pipelineVersion"))
  ]
  const modality = col("reported_modality", (v) => (v === null ? undefined : keyed("reportedModality")(v)))
  const confidence = col("confidence", (v) => v as number)
  const confidences = new Map<number, Buffer>()
  const dates = new Map<string, Buffer>()
  return (w, positions) => {
    w.byte(0x5b)
    for (let j = 0; j < positions.length; j++) {
      const k = positions[j]!
      if (j > 0) w.byte(0x2c)
      const id = evidenceId(k) as string
      w.bytes(ANNOTATION)
      w.jsonChars(id)
      w.bytes(CONFIDENCE)
      const c = confidence(k)
      let cb = confidences.get(c)
      if (cb === undefined) confidences.set(c, (cb = jsonBytes(decimal(c))))
      w.bytes(cb)
      if (conflict(k)) w.bytes(CONFLICT)
      w.bytes(TARGET)
      w.number(end(k) as number)
      w.bytes(START)
      w.number(start(k) as number)
      w.bytes(EXACT)
      w.jsonString(exact(k) as string)
      w.bytes(SOURCE)
      w.bytes(source(k))
      w.bytes(IDENTIFIER)
      w.jsonString(id)
      w.byte(0x2c)
      w.bytes(method(k))
      w.byte(0x2c)
      w.bytes(motivatedBy(k))
      w.byte(0x2c)
      w.bytes(pipelineVersion(k))
      const date = reportedDate(k) as string | null
      if (date !== null) {
        const precision = reportedPrecision(k) as string | null
        const key = `${precision} ${date}`
        let db = dates.get(key)
        // typedDate throws on a date whose form is not its precision's, at the first row that has it
        if (db === undefined) dates.set(key, (db = keyed("reportedDate")(typedDate(date, precision, id))))
        w.byte(0x2c)
        w.bytes(db)
      }
      const m = modality(k)
      if (m !== undefined) {
        w.byte(0x2c)
        w.bytes(m)
      }
      w.byte(0x7d)
    }
    w.byte(0x5d)
  }
}
