/** The one place layers are composed: Node's file system, path and terminal services. */
import { NodeContext } from "@effect/platform-node"

/** Everything the CLI's effects need. */
export const MainLayer = NodeContext.layer
