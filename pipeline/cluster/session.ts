/**
 * The coordinator's build as the workflow's steps see it: one run of the whole local build (run/tables.ts, release/)
 * in one fiber, paused at two checkpoints, extracted (every article unit answered) and resolved (every block answered),
 * until the step that needs more asks for it. A step that starts the session in a new process (a resumed workflow)
 * runs the build from the start: the units already answered come back from PostgreSQL at once, so what the earlier
 * steps did is read again from durable state, never redone. Steps get small summaries; the build's value and its own
 * failure stay here, in the coordinator's memory, for the command to return.
 */
import { Deferred, Effect, Exit, Fiber, Option, Schema, type Scope } from "effect"

/** What the extract step records: the article units answered (Extract and Reextract messages). */
export const Extracted = Schema.Struct({ articles: Schema.Number, reextracted: Schema.Number })
export type Extracted = typeof Extracted.Type

/** What the resolve step records: the blocks answered (ResolveBlock messages) and the event reports in them. */
export const Resolved = Schema.Struct({ blocks: Schema.Number, reports: Schema.Number })
export type Resolved = typeof Resolved.Type

/** What the publish step records: the version and whether it was published (release/ says). */
export const Published = Schema.Struct({ version: Schema.String, status: Schema.String })
export type Published = typeof Published.Type

/** How a step failed, as the workflow records it (the build's own error is the session's, said by the command). */
export const StepFailed = Schema.Struct({ step: Schema.String, detail: Schema.String })
export type StepFailed = typeof StepFailed.Type

/** The checkpoints a build passes (the clustered resolution calls them: coordinator.ts). */
export interface Checkpoints {
  readonly extracted: (e: Extracted) => Effect.Effect<void>
  readonly resolved: (r: Resolved) => Effect.Effect<void>
}

/** What the workflow's steps run (each returns once the build has passed its checkpoint). */
export interface Steps {
  readonly extract: Effect.Effect<Extracted, StepFailed>
  readonly resolve: Effect.Effect<Resolved, StepFailed>
  readonly publish: Effect.Effect<Published, StepFailed>
}

/** A session: the steps, the build's exit once it ended in this process, and how to stop it. */
export interface Session<A, E> extends Steps {
  readonly exit: () => Option.Option<Exit.Exit<A, E>>
  readonly stop: Effect.Effect<void>
}

/**
 * A session of `run` (started by the first step that needs it, in `scope`); `published` reads the publish step's record
 * from the build's value.
 */
export const makeSession = <A, E>(
  run: (checkpoints: Checkpoints) => Effect.Effect<A, E>,
  published: (a: A) => Published,
  scope: Scope.Scope
) =>
  Effect.gen(function* () {
    const extracted = yield* Deferred.make<Extracted, StepFailed>()
    const resolved = yield* Deferred.make<Resolved, StepFailed>()
    const done = yield* Deferred.make<Published, StepFailed>()
    const goResolve = yield* Deferred.make<void>()
    const goPublish = yield* Deferred.make<void>()
    let ended: Exit.Exit<A, E> | undefined
    const checkpoints: Checkpoints = {
      extracted: (e) => Effect.zipRight(Deferred.succeed(extracted, e), Deferred.await(goResolve)),
      resolved: (r) => Effect.zipRight(Deferred.succeed(resolved, r), Deferred.await(goPublish))
    }
    // a step waiting for a build that failed or was stopped fails (never waits on)
    const fail = (detail: string) => {
      const failed = Effect.fail({ step: "build", detail })
      return Effect.all([
        Deferred.complete(extracted, failed),
        Deferred.complete(resolved, failed),
        Deferred.complete(done, failed)
      ])
    }
    const end = (exit: Exit.Exit<A, E>) => {
      ended = exit
      return Exit.isSuccess(exit)
        ? Effect.asVoid(Deferred.succeed(done, published(exit.value)))
        : Effect.asVoid(fail("the build failed (the coordinator says why)"))
    }
    let fiber: Fiber.RuntimeFiber<void> | undefined
    const start = yield* Effect.once(
      Effect.map(
        Effect.forkIn(
          Effect.flatMap(Effect.exit(run(checkpoints)), end).pipe(
            Effect.onInterrupt(() => fail("the build was stopped"))
          ),
          scope
        ),
        (f) => {
          fiber = f
        }
      )
    )
    const session: Session<A, E> = {
      extract: Effect.zipRight(start, Deferred.await(extracted)),
      resolve: Effect.zipRight(
        start,
        Effect.zipRight(Deferred.succeed(goResolve, undefined), Deferred.await(resolved))
      ),
      publish: Effect.zipRight(
        start,
        Effect.zipRight(
          Effect.all([Deferred.succeed(goResolve, undefined), Deferred.succeed(goPublish, undefined)]),
          Deferred.await(done)
        )
      ),
      exit: () => Option.fromNullable(ended),
      stop: Effect.suspend(() => (fiber === undefined ? Effect.void : Fiber.interrupt(fiber)))
    }
    return session
  })
