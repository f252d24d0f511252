/** Configuration read from the environment (only here): SOURCE_DATE_EPOCH pins the release date. */
import { Clock, Config, Effect, Option } from "effect"

/** SOURCE_DATE_EPOCH (seconds) as an optional number. */
export const sourceDateEpoch = Config.option(Config.integer("SOURCE_DATE_EPOCH"))

/** The release date: SOURCE_DATE_EPOCH if set, else the newest source publication date (reproducible either way). */
export const releaseDate = (epoch: Option.Option<number>, newestPublished: string | null): string =>
  Option.match(epoch, {
    onSome: (s) => new Date(s * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    onNone: () => {
      const d = newestPublished ?? "1970-01-01"
      const full = d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d
      return `${full}T00:00:00Z`
    }
  })

/** Today (YYYY-MM-DD) for rejecting future publication dates: SOURCE_DATE_EPOCH's day, else the clock's. Never written into a release. */
export const today = Effect.gen(function* () {
  const epoch = yield* sourceDateEpoch
  const ms = Option.isSome(epoch) ? epoch.value * 1000 : yield* Clock.currentTimeMillis
  return new Date(ms).toISOString().slice(0, 10)
})
