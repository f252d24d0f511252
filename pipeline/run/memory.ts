/**
 * The memory budget of a build (`build --memory MB`). It bounds how a build runs: each article worker's heap (below), the
 * Parquet thread's slices (05-publish/files.ts parquetSliceRows); never what a build publishes (the event blocks' cap
 * is part of the resolution rule: 04-resolve/blocks.ts BLOCK_CAP). Much of a build is not
 * yet bounded by it (resolution holds every event report, publication each table until its files are written:
 * docs/bench.md), so a build whose peak passes the budget says so, naming the stages that did, rather than pretending.
 */
import { Schema } from "effect"
import { defineError } from "../../schemas/ErrorSpec.js"
import type { TimingReport } from "../shared/timings.js"

/** The default budget, in MB. */
export const DEFAULT_MEMORY_MB = 500

/**
 * The V8 old generation of each article worker under a budget of `budgetMb`: a quarter of it, and never below 256 MB
 * (a worker holds about 150 MB of code and lexicons: below that it would fail rather than collect more often).
 */
export const workerHeapMb = (budgetMb: number): number => Math.max(256, Math.floor(budgetMb / 4))

/**
 * Event blocks passed the cap (04-resolve/blocks.ts BLOCK_CAP) and were split by year (cutBlocks): reports on either
 * side of a split were not clustered together. Said once per build.
 */
export class BlocksSplit extends defineError<BlocksSplit>()(
  "BlocksSplit",
  { blocks: Schema.Number, cap: Schema.Number },
  {
    code: "blocks-split",
    stage: "run",
    effect: "warning",
    message:
      "{blocks} event blocks of more than {cap} reports (the cap of resolution) were split by year; reports on either side of a split were not clustered together",
    remedy:
      "Nothing to do for this release (the split is the documented rule, the same in every build of these sources); the counts are in the --timings file, the rule in docs/bench.md (Event blocks)."
  }
) {}

/** A build's memory passed its budget: said once, after it published; the release is the same. */
export class MemoryOverBudget extends defineError<MemoryOverBudget>()(
  "MemoryOverBudget",
  { peakMb: Schema.Number, budgetMb: Schema.Number, stages: Schema.String },
  {
    code: "memory-over-budget",
    stage: "run",
    effect: "warning",
    message: "peak memory {peakMb} MB passed the --memory budget of {budgetMb} MB{stages}",
    remedy:
      "Give a larger --memory, fewer --workers (each worker holds about 50 MB of code and lexicons), or build the sources in parts; the release is the same either way."
  }
) {}

/** The warning for a build's report under `budgetMb`, or null when its peak stayed within it. */
export const overBudget = (report: TimingReport, budgetMb: number): MemoryOverBudget | null => {
  const peakMb = Math.round(report.maxRssKb / 1000)
  if (peakMb <= budgetMb) return null
  const over = Object.entries(report.stages)
    .filter(([, s]) => s.peakRssMb !== undefined && s.peakRssMb > budgetMb)
    .map(([name, s]) => `${name} (${s.peakRssMb} MB)`)
  return new MemoryOverBudget({ peakMb, budgetMb, stages: over.length === 0 ? "" : ` in: ${over.join(", ")}` })
}
