/**
 * Prediction shapes the `eval` command compares with gold: one `PredictedDoc` per article,
 * built from a release (fromRelease.ts) or from the compromise baseline (baseline.ts).
 */
import type { DatePrecision, EntityType, EventType, Modality, Predicate } from "../../schemas/vocab.js"

/** A predicted entity as seen in one article; `aliases` are the surface forms to match on. */
export interface PredEntity {
  readonly id: string
  readonly name: string
  readonly type: EntityType
  readonly aliases: ReadonlyArray<string>
}

/** A code-point span [start, end) of the article text. */
export interface CodePointSpan {
  readonly start: number
  readonly end: number
}

/** A predicted event as reported in one article; `spans` are its evidence spans there. */
export interface PredEvent {
  readonly id: string
  readonly type: EventType
  readonly spans: ReadonlyArray<CodePointSpan>
  readonly actors: ReadonlyArray<PredEntity>
  readonly targets: ReadonlyArray<PredEntity>
  readonly participants: ReadonlyArray<PredEntity>
  readonly location: PredEntity | null
  readonly date: string | null
  readonly precision: DatePrecision
  readonly modality: Modality
}

/** A predicted relation stated in one article. */
export interface PredRelation {
  readonly id: string
  readonly predicate: Predicate
  readonly subject: PredEntity
  readonly object: PredEntity
  readonly role: string | null
}

/** Everything predicted for one article. */
export interface PredictedDoc {
  /** Article file name (the gold file's `doc`). */
  readonly doc: string
  /** The article text the spans index, in Unicode code points. */
  readonly text: string
  readonly entities: ReadonlyArray<PredEntity>
  readonly events: ReadonlyArray<PredEvent>
  readonly relations: ReadonlyArray<PredRelation>
}
