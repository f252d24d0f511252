/**
 * The clustered build as one `@effect/workflow` workflow: plan → extract → resolve → publish, each an `Activity` whose
 * small result (counts, a version) PostgreSQL keeps, so a coordinator run again resumes after the last finished step.
 * Its execution id is a hash of `key` (coordinator.ts: the sources' bytes, the code and lexicons, the options and the
 * output folder): the same command resumes the same workflow, a changed input starts another. The workflow's entity is
 * in the coordinator's shard group: it runs, and publishes, in the coordinator process, where `--out` is.
 */
import { ClusterSchema } from "@effect/cluster"
import { Activity, Workflow } from "@effect/workflow"
import { Console, Effect, Schema } from "effect"
import { COORDINATOR_GROUP } from "./layers.js"
import { Extracted, Published, Resolved, StepFailed, type Steps } from "./session.js"

/** What the plan step records: the build's key and the source files it reads. */
export const Plan = Schema.Struct({
  /** SHA-256 of every input (coordinator.ts buildKey); the execution id is a hash of it. */
  key: Schema.String,
  sources: Schema.String,
  out: Schema.String,
  files: Schema.Number,
  bytes: Schema.Number
})
export type Plan = typeof Plan.Type

/** The workflow of a clustered build (its entity in the coordinator's shard group). */
export const BuildWorkflow = Workflow.make({
  name: "Build",
  payload: Plan,
  success: Published,
  error: StepFailed,
  idempotencyKey: (p) => p.key
}).annotate(ClusterSchema.ShardGroup, () => COORDINATOR_GROUP)

/**
 * The workflow's steps over this coordinator's session of the build whose key is `key`. Each step says on stderr when
 * it runs (a step a resumed workflow had finished does not run again, and says nothing).
 */
export const buildWorkflowLayer = (key: string, steps: Steps) =>
  BuildWorkflow.toLayer((plan, executionId) =>
    Effect.gen(function* () {
      const step = <S extends Schema.Schema.Any>(
        name: string,
        success: S,
        execute: Effect.Effect<S["Type"], StepFailed>
      ) =>
        Activity.make({
          name,
          success,
          error: StepFailed,
          execute: Effect.zipRight(Console.error(`cluster: workflow ${executionId.slice(0, 12)}: ${name}`), execute)
        })
      // the workflow of another build (a coordinator killed before its inputs changed) is not this one's to run
      if (plan.key !== key)
        return yield* Effect.fail({
          step: "plan",
          detail: `not this coordinator's build (key ${plan.key.slice(0, 12)})`
        })
      yield* step("plan", Plan, Effect.succeed(plan))
      yield* step("extract", Extracted, steps.extract)
      yield* step("resolve", Resolved, steps.resolve)
      return yield* step("publish", Published, steps.publish)
    })
  )
