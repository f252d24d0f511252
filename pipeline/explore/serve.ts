/**
 * The `explore` command's server: a release folder over HTTP on 127.0.0.1 only (never another interface), GET and
 * HEAD of files inside the folder only, so that the explorer's relative reads (data/…, ../texts/…) work as on any
 * static host. `/` redirects to the explorer.
 */
import * as fs from "node:fs"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import * as nodePath from "node:path"
import { Console, Effect } from "effect"
import { ExplorerMissing, PortUnavailable } from "./errors.js"

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".jsonld": "application/ld+json",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".arrow": "application/vnd.apache.arrow.file",
  ".parquet": "application/vnd.apache.parquet"
}

/** The file a request path names inside `root`, or null when it leaves the folder or names no file. */
export const fileFor = (root: string, urlPath: string): string | null => {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0]!.split("#")[0]!)
  } catch {
    return null
  }
  if (decoded.includes("\0")) return null
  const file = nodePath.resolve(root, `.${decoded.endsWith("/") ? `${decoded}index.html` : decoded}`)
  if (file !== root && !file.startsWith(root + nodePath.sep)) return null
  try {
    // a symbolic link out of the folder is not served either
    const real = fs.realpathSync(file)
    return fs.statSync(real).isFile() && real.startsWith(fs.realpathSync(root) + nodePath.sep) ? real : null
  } catch {
    return null
  }
}

const handler =
  (root: string) =>
  (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const url = req.url ?? "/"
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end()
      return
    }
    if (url === "/" || url === "/explorer") {
      res.writeHead(302, { location: "/explorer/" }).end()
      return
    }
    const file = fileFor(root, url)
    if (file === null) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n")
      return
    }
    const body = fs.readFileSync(file)
    res.writeHead(200, {
      "content-type": TYPES[nodePath.extname(file)] ?? "application/octet-stream",
      "content-length": body.length,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff"
    })
    res.end(req.method === "HEAD" ? undefined : body)
  }

/** A running server: its address and a way to stop it. */
export interface Served {
  readonly url: string
  readonly close: () => Promise<void>
}

/** Serve `dir` on 127.0.0.1:`port` (0: any free port); fails when the folder has no explorer or the port is taken. */
export const startServer = (dir: string, port: number): Effect.Effect<Served, ExplorerMissing | PortUnavailable> =>
  Effect.gen(function* () {
    const root = nodePath.resolve(dir)
    if (!fs.existsSync(nodePath.join(root, "explorer", "index.html")))
      return yield* Effect.fail(new ExplorerMissing({ dir }))
    const server = http.createServer(handler(root))
    yield* Effect.async<void, PortUnavailable>((resume) => {
      server.once("error", (e) => resume(Effect.fail(new PortUnavailable({ port, reason: e.message }))))
      server.listen(port, "127.0.0.1", () => resume(Effect.void))
    })
    const address = server.address() as AddressInfo
    return {
      url: `http://127.0.0.1:${address.port}/explorer/`,
      close: () => new Promise<void>((done) => server.close(() => done()))
    }
  })

/** The explore command: serve the release until interrupted (Ctrl-C), printing the address first. */
export const explore = (dir: string, port: number) =>
  Effect.acquireUseRelease(
    startServer(dir, port),
    (served) =>
      Effect.zipRight(Console.log(`explorer of ${dir}: ${served.url} (localhost only; Ctrl-C stops)`), Effect.never),
    (served) => Effect.promise(served.close)
  )
