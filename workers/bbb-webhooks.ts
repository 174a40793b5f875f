// bbb-webhooks queue: (re-)register our callback on each BBB server of BBB_WEBHOOKS_SERVERS, at start
// and every BBB_WEBHOOKS_REGISTER_MS (BBB drops hooks after failed callbacks and on restart).
import { registerWebhooks } from "@/lib/bbb-webhooks/register-webhooks"
import type { Env } from "@/lib/config/env"
import { QUEUES } from "@/lib/queues"

import type { WorkerDefinition } from "./run-worker"

export function bbbWebhooksWorker(env: Env): WorkerDefinition {
  return {
    queue: QUEUES.bbbWebhooks,
    schedules: [{ id: "bbb-webhooks-register", every: env.BBB_WEBHOOKS_REGISTER_MS, name: "register", data: {} }],
    processor: async () => {
      const results = await registerWebhooks()
      return { registered: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length }
    },
  }
}
