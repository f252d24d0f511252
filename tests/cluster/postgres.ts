/**
 * A throwaway PostgreSQL for the cluster tests: `initdb` into a temporary folder, `postgres` on a free 127.0.0.1 port
 * (its Unix socket in the same folder), a database created, all of it stopped and removed by `stop`. The server
 * binaries are found on PATH or in /usr/lib/postgresql/<version>/bin (`.ci/run` installs them when neither has them);
 * as root, the server runs as the `postgres` user (PostgreSQL refuses to run as root).
 */
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as net from "node:net"
import * as os from "node:os"
import * as path from "node:path"

/** The folder of initdb, pg_ctl and postgres, or null when this machine has none. */
export const postgresBin = (): string | null => {
  // /usr/local/bin may link initdb alone: the folder it links to holds the rest
  for (const dir of (process.env.PATH ?? "").split(path.delimiter))
    if (dir && fs.existsSync(path.join(dir, "initdb"))) return path.dirname(fs.realpathSync(path.join(dir, "initdb")))
  const root = "/usr/lib/postgresql"
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : []
  for (const v of versions) if (fs.existsSync(path.join(root, v, "bin", "initdb"))) return path.join(root, v, "bin")
  return null
}

/** A free TCP port on 127.0.0.1. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = net.createServer()
    s.on("error", reject)
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })

/** A running throwaway server. */
export interface TestPostgres {
  /** postgres://…/car_test */
  readonly url: string
  /** Stop the server (fast: `immediate`, as a crash would) without removing its folder. */
  readonly kill: () => void
  /** Start it again on the same port and folder. */
  readonly start: () => void
  /** Stop it and remove its folder. */
  readonly stop: () => void
}

const isRoot = () => process.getuid?.() === 0

/** Run a server binary, as the postgres user when this process is root. */
const run = (bin: string, tool: string, args: ReadonlyArray<string>) => {
  const cmd = path.join(bin, tool)
  const [file, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, [...args]]
  execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 })
}

/** initdb, start on a free port, create the database. */
export const startPostgres = async (bin: string): Promise<TestPostgres> => {
  // as root, in /tmp itself: the postgres user cannot enter the tests' private temporary folder
  const dir = fs.mkdtempSync(path.join(isRoot() ? "/tmp" : os.tmpdir(), "car-pg-"))
  const data = path.join(dir, "data")
  if (isRoot()) execFileSync("chown", ["postgres", dir])
  run(bin, "initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"])
  const port = await freePort()
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`
  const start = () =>
    run(bin, "pg_ctl", ["start", "-w", "-t", "60", "-D", data, "-l", path.join(dir, "log"), "-o", opts])
  const kill = () => run(bin, "pg_ctl", ["stop", "-w", "-m", "immediate", "-D", data])
  start()
  run(bin, "createdb", ["-h", dir, "-p", String(port), "-U", "postgres", "car_test"])
  return {
    url: `postgres://postgres@127.0.0.1:${port}/car_test`,
    kill,
    start,
    stop: () => {
      try {
        kill()
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}
