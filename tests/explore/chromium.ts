/**
 * Debian's Chromium for the browser tests: /usr/bin/chromium, installed with apt-get when it is missing. Where apt-get
 * is not available the browser tests are skipped, saying why; an install that fails is an error, not a skip.
 */
import { execFileSync } from "node:child_process"
import { existsSync } from "node:fs"

export const CHROMIUM = "/usr/bin/chromium"

/** The flags the tests launch Chromium with: headless, no sandbox (containers), nothing of its own on the network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
]

const hasAptGet = () => ["/usr/bin/apt-get", "/bin/apt-get"].some((p) => existsSync(p))

/** The path of Chromium, installing it first when missing; or the reason the browser tests cannot run. */
export const ensureChromium = (): { readonly path: string } | { readonly skip: string } => {
  if (existsSync(CHROMIUM)) return { path: CHROMIUM }
  if (!hasAptGet())
    return {
      skip: `${CHROMIUM} is missing and apt-get is not available: install Debian's chromium package to run them`
    }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  execFileSync("apt-get", ["update"], { stdio: "inherit", env })
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env })
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is not there`)
  return { path: CHROMIUM }
}
