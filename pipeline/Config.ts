/**
 * Configuration read from the environment, only here, always through `Config` (stages never touch `process.env`):
 * - SOURCE_DATE_EPOCH (seconds) pins the release date and "today";
 * - PIPELINE_SOURCES and PIPELINE_OUT are the fallbacks of `--sources` and `--out`;
 * - CAR_CLUSTER_URL is the fallback of `--cluster` (a clustered build's PostgreSQL); CAR_CLUSTER_HOST the name runners
 *   reach a clustered build's coordinator at (default localhost);
 * - PIPELINE_CRASH_AT is the crash tests' hook (MainLayer gives publishing a Disk that kills the build there).
 * None of them changes what a build writes, apart from SOURCE_DATE_EPOCH's date.
 */
import { Clock, Config, Effect, Option } from "effect"

/** SOURCE_DATE_EPOCH (seconds) as an optional number. */
export const sourceDateEpoch = Config.option(Config.integer("SOURCE_DATE_EPOCH"))

/** PIPELINE_SOURCES: the sources folder when `--sources` is not given. */
export const sourcesFolder = Config.string("PIPELINE_SOURCES")

/** PIPELINE_OUT: the release folder when `--out` is not given. */
export const outFolder = Config.string("PIPELINE_OUT")

/** CAR_CLUSTER_URL: the cluster's postgres:// URL when `--cluster` is not given (build, runner). */
export const clusterUrl = Config.string("CAR_CLUSTER_URL")

/** CAR_CLUSTER_HOST: the host name the runners reach a clustered build's coordinator at (their health pings). */
export const clusterHost = Config.string("CAR_CLUSTER_HOST").pipe(Config.withDefault("localhost"))

/**
 * PIPELINE_CRASH_AT: the point of publishing at which the build kills itself with SIGKILL ("files:N" after N staged
 * files, "before-rename", "after-rename", "before-latest"), for the crash tests; unset, the build runs through.
 */
export const crashAt = Config.option(Config.string("PIPELINE_CRASH_AT"))

/** The release date: SOURCE_DATE_EPOCH if set, else the given publication date (05-publish/releaseDate.ts picks it). */
export const releaseDate = (epoch: Option.Option<number>, newestPublished: string | null): string =>
  Option.match(epoch, {
    onSome: (s) => new Date(s * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    onNone: () => {
      const d = newestPublished ?? "1970-01-01"
      const full = d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d
      return `${full}T00:00:00Z`
    }
  })

/**
 * Today (YYYY-MM-DD) for rejecting future publication dates: SOURCE_DATE_EPOCH's day, else the clock's. Never written
 * into a release.
 */
export const today = Effect.gen(function* () {
  const epoch = yield* sourceDateEpoch
  const ms = Option.isSome(epoch) ? epoch.value * 1000 : yield* Clock.currentTimeMillis
  return new Date(ms).toISOString().slice(0, 10)
})
