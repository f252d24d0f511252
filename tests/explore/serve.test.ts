/** The explore server: localhost only, files inside the release only, GET and HEAD only; clear failures. */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs"
import * as net from "node:net"
import { join } from "node:path"
import { Effect, Either } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { fileFor, type Served, startServer } from "../../pipeline/explore/serve.js"
import { tmpDir } from "../lib/tmp.js"

const release = tmpDir("car-explore-")
mkdirSync(join(release, "explorer"))
writeFileSync(join(release, "explorer", "index.html"), "<!doctype html>")
writeFileSync(join(release, "manifest.json"), "{}")
const outside = tmpDir("car-outside-")
writeFileSync(join(outside, "secret.txt"), "secret")
symlinkSync(join(outside, "secret.txt"), join(release, "link.txt"))

describe("fileFor", () => {
  it("serves files inside the release, and a folder's index.html", () => {
    expect(fileFor(release, "/manifest.json")).toBe(join(release, "manifest.json"))
    expect(fileFor(release, "/explorer/?x=1")).toBe(join(release, "explorer", "index.html"))
  })
  it("refuses paths out of the folder, symbolic links out of it, bad escapes and missing files", () =>
    expect(
      ["/../secret.txt", "/explorer/%2e%2e/%2e%2e/etc/passwd", "/link.txt", "/%E0%A4%A", "/a%00b", "/none.json"].map(
        (p) => fileFor(release, p)
      )
    ).toEqual([null, null, null, null, null, null]))
})

describe("startServer", () => {
  let served: Served
  beforeAll(async () => {
    served = await Effect.runPromise(startServer(release, 0))
  })
  afterAll(() => served.close())
  it("listens on 127.0.0.1 and redirects / to the explorer", async () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/explorer\/$/)
    const root = await fetch(new URL("/", served.url), { redirect: "manual" })
    expect([root.status, root.headers.get("location")]).toEqual([302, "/explorer/"])
    const page = await fetch(served.url)
    expect([page.status, page.headers.get("content-type"), await page.text()]).toEqual([
      200,
      "text/html; charset=utf-8",
      "<!doctype html>"
    ])
  })
  it("answers 404 outside the release and 405 to anything but GET and HEAD", async () => {
    expect((await fetch(new URL("/link.txt", served.url))).status).toBe(404)
    expect((await fetch(served.url, { method: "POST" })).status).toBe(405)
  })
  it("a taken port fails with port-unavailable", async () => {
    const port = Number(new URL(served.url).port)
    const result = await Effect.runPromise(Effect.either(startServer(release, port)))
    expect(Either.isLeft(result) && [result.left.code, result.left.message]).toEqual([
      "port-unavailable",
      `cannot listen on 127.0.0.1:${port}: listen EADDRINUSE: address already in use 127.0.0.1:${port}`
    ])
  })
  it("a folder without an explorer fails with explorer-missing", async () => {
    const result = await Effect.runPromise(Effect.either(startServer(outside, 0)))
    expect(Either.isLeft(result) && result.left.code).toBe("explorer-missing")
  })
  it("is not reachable on another interface than loopback", async () => {
    const port = Number(new URL(served.url).port)
    const addresses = Object.values((await import("node:os")).networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && a.family === "IPv4" && !a.internal)
      .map((a) => a!.address)
    for (const host of addresses) {
      const refused = await new Promise<boolean>((done) => {
        const socket = net.connect({ host, port }, () => {
          socket.destroy()
          done(false)
        })
        socket.on("error", () => done(true))
      })
      expect([host, refused]).toEqual([host, true])
    }
  })
})
