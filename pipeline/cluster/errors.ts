/** The errors of a clustered build (`build --cluster`) and of a runner (`runner --cluster`). */
import { Schema } from "effect"
import { defineError } from "../../schemas/ErrorSpec.js"

/** The cluster's PostgreSQL cannot be reached, or stopped answering during the build. */
export class ClusterUnreachable extends defineError<ClusterUnreachable>()(
  "ClusterUnreachable",
  { url: Schema.String, detail: Schema.String },
  {
    code: "cluster-unreachable",
    stage: "build",
    effect: "build stops",
    message: "cluster database {url}: {detail}; nothing was published",
    remedy:
      "Start PostgreSQL (or fix --cluster / CAR_CLUSTER_URL) and run the same command again: units already extracted are not redone."
  }
) {}
