/**
 * The memory budget of a build (`build --memory MB`). It bounds how a build runs: each article worker's heap (below), the
 * Parquet thread's slices (05-publish/files.ts parquetSliceRows) and the event blocks clustered at once (blockReports:
 * the one bound that can change what a build publishes, when a block passes it; said). Much of a build is not
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
 * What clustering an event block holds per report (its clusters, their key sets, the blocking index), in bytes: the
 * heap grew by 1,226 per report over the largest block of the 10,000-article bench corpus (42,132 reports), rounded up
 * (docs/bench.md, "Event blocks").
 */
export const CLUSTER_BYTES_PER_REPORT = 2000

/**
 * The most reports an event block holds under a budget of `budgetMb` (04-resolve/blocks.ts cutBlocks): clustering the
 * largest block may take a quarter of the budget.
 */
export const blockReports = (budgetMb: number): number =>
  Math.max(1000, Math.floor((budgetMb * 1e6) / 4 / CLUSTER_BYTES_PER_REPORT))

/**
 * Event blocks passed the cap of the budget (blockReports) and were split by year (04-resolve/blocks.ts cutBlocks):
 * reports on either side of a split were not clustered together. Said once, with the tables of this budget.
 */
export class BlocksSplit extends defineError<BlocksSplit>()(
  "BlocksSplit",
  { blocks: Schema.Number, cap: Schema.Number },
  {
    code: "blocks-split",
    stage: "run",
    effect: "warning",
    message:
      "{blocks} event blocks of more than {cap} reports (the cap of the --memory budget) were split by year; reports on either side of a split were not clustered together",
    remedy:
      "Give a larger --memory (the cap grows with it) to cluster them whole: the release then is the one a build with no cap publishes."
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
      "Give a larger --memory, fewer --workers (each worker holds about 150 MB of code and lexicons), or build the sources in parts; the release is the same either way."
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
