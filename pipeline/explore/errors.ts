/**
 * Errors of the `explore` command. Each is declared once (schemas/ErrorSpec.ts); the catalogue is rendered from these
 * declarations.
 */
import { Schema } from "effect"
import { defineError } from "../../schemas/ErrorSpec.js"

// == errors

/** The release folder holds no explorer (a release built before the explorer existed, or not a release). */
export class ExplorerMissing extends defineError<ExplorerMissing>()(
  "ExplorerMissing",
  { dir: Schema.String },
  {
    code: "explorer-missing",
    stage: "explore",
    effect: "command fails",
    message: "{dir}: no explorer/index.html; this release was built before the explorer (or is not a release)",
    remedy: "Rebuild the release with this code (`build`), or name a release folder that has an explorer/ folder."
  }
) {}

/** The port asked for cannot be listened on. */
export class PortUnavailable extends defineError<PortUnavailable>()(
  "PortUnavailable",
  { port: Schema.Int, reason: Schema.String },
  {
    code: "port-unavailable",
    stage: "explore",
    effect: "command fails",
    message: "cannot listen on 127.0.0.1:{port}: {reason}",
    remedy: "Choose another port with --port N (--port 0: any free port)."
  }
) {}
