// Doctor: on each BBB server of BBB_WEBHOOKS_SERVERS, bbb-webhooks holds our callback (the worker
// registers it every BBB_WEBHOOKS_REGISTER_MS).
import { findRegisteredWebhook } from "@/lib/bbb-webhooks/find-registered-webhook"
import { webhookCallbackUrl } from "@/lib/bbb-webhooks/register-webhooks"
import type { Env } from "@/lib/config/env"

import { fail, pass, skip, type DoctorCheck } from "./doctor-check"

export async function checkWebhooks(env: Pick<Env, "BBB_WEBHOOKS_SERVERS" | "BBB_WEBHOOKS_CALLBACK_URL" | "APP_URL">): Promise<DoctorCheck[]> {
  if (env.BBB_WEBHOOKS_SERVERS.length === 0) return [skip("bbb-webhooks", "BBB_WEBHOOKS_SERVERS is not set: the meeting sync alone follows the meetings")]
  const callbackUrl = webhookCallbackUrl(env)
  return Promise.all(
    env.BBB_WEBHOOKS_SERVERS.map(async (server) => {
      const host = new URL(server.url).host
      const check = `bbb-webhooks on ${host}`
      const found = await findRegisteredWebhook(server, callbackUrl)
      if (found.ok) return pass(check, `hook ${found.hookId ?? "?"} calls ${callbackUrl}`)
      if (found.reason === "NOT_REGISTERED") {
        return fail(check, found.message, `start the worker (it registers the hook every BBB_WEBHOOKS_REGISTER_MS) and read its log for ${host}; ${callbackUrl} must be reachable from ${host}`)
      }
      if (found.reason === "REFUSED") return fail(check, found.message, `the secret after | in BBB_WEBHOOKS_SERVERS must be ${host}'s secret, and bbb-webhooks must be installed there`)
      return fail(check, `cannot reach ${host}: ${found.message}`, "BBB_WEBHOOKS_SERVERS must name each BBB server directly (never Scalelite), reachable from this host")
    }),
  )
}
