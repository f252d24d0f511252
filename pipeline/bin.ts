#!/usr/bin/env node
/** Entry point: runs the CLI with Node's platform layer; errors print one readable line and exit 1 (usage errors 2). */
import { ValidationError } from "@effect/cli"
import { NodeRuntime } from "@effect/platform-node"
import { Cause, Console, Effect } from "effect"
import { run } from "./Cli.js"
import { MainLayer } from "./MainLayer.js"

run(process.argv).pipe(
  Effect.catchIf(ValidationError.isValidationError, () => Effect.sync(() => void (process.exitCode = 2))),
  Effect.catchAllCause((cause) =>
    Cause.isInterruptedOnly(cause)
      ? Effect.void
      : Effect.gen(function* () {
          const e = Cause.squash(cause) as {
            message?: string
            constructor?: { code?: string }
          }
          const code = e?.constructor?.code
          yield* Console.error(`error${code ? ` [${code}]` : ""}: ${e?.message ?? String(e)}`)
          process.exitCode = 1
        })
  ),
  Effect.provide(MainLayer),
  NodeRuntime.runMain({ disableErrorReporting: true })
)
