/**
 * The part of better-sqlite3's API the extraction store uses (cache.ts), declared here rather than through a second
 * dependency on @types/better-sqlite3.
 */
declare module "better-sqlite3" {
  /** A compiled statement; `?` parameters in order. */
  interface Statement<Row = unknown> {
    get(...params: ReadonlyArray<unknown>): Row | undefined
    run(...params: ReadonlyArray<unknown>): { changes: number }
  }
  /** A function wrapped in BEGIN … COMMIT (ROLLBACK when it throws); `immediate` takes the write lock at BEGIN. */
  interface Transaction<F extends (...args: Array<never>) => unknown> {
    (...args: Parameters<F>): ReturnType<F>
    immediate(...args: Parameters<F>): ReturnType<F>
  }
  /** One connection to a database file. */
  class Database {
    /** `timeout`: milliseconds a statement waits for another connection's lock before failing with SQLITE_BUSY. */
    constructor(path: string, options?: { readonly timeout?: number })
    pragma(source: string): unknown
    exec(source: string): this
    prepare<Row = unknown>(source: string): Statement<Row>
    transaction<F extends (...args: Array<never>) => unknown>(fn: F): Transaction<F>
    close(): this
  }
  export default Database
}
