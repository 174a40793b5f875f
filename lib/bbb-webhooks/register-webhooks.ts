// Registers our callback on each BBB server of BBB_WEBHOOKS_SERVERS (`hooks/create`, SHA-1 checksum as
// bbb-webhooks before BBB 3 requires). Re-run periodically by the orchestrator: BBB drops a hook after
// minutes of failed callbacks and forgets them when it restarts. Never through Scalelite.
import { createHash } from "node:crypto"

import { getEnv, type Env } from "@/lib/config/env"
import type { WebhookServer } from "@/lib/config/webhook-servers-setting"
import { reportDown, reportUp } from "@/lib/health/outages"
import { logger } from "@/lib/logger"
import { recordWebhooksRegistration } from "@/lib/metrics/sync-status"
import { getProducerRedis, withRedis } from "@/lib/redis"

export function webhookCallbackUrl(env: Pick<Env, "BBB_WEBHOOKS_CALLBACK_URL" | "APP_URL"> = getEnv()): string {
  return env.BBB_WEBHOOKS_CALLBACK_URL ?? new URL("/api/bbb/webhooks", env.APP_URL).toString()
}

function apiBase(serverUrl: string): string {
  const url = new URL(serverUrl)
  url.pathname = "/bigbluebutton/api/"
  url.search = ""
  return url.toString()
}

/** A bbb-webhooks call (`hooks/create`, `hooks/list`…) on one server, signed with SHA-1 as bbb-webhooks before BBB 3 requires. */
export function signedHooksUrl(server: WebhookServer, callName: string, query: string): string {
  const checksum = createHash("sha1").update(`${callName}${query}${server.secret}`, "utf8").digest("hex")
  return `${apiBase(server.url)}${callName}?${query ? `${query}&` : ""}checksum=${checksum}`
}

export type WebhookRegistration = { server: string; ok: boolean; hookId?: string; error?: string }

export async function registerWebhooks(options: { servers?: WebhookServer[]; callbackUrl?: string; timeoutMs?: number } = {}): Promise<WebhookRegistration[]> {
  const servers = options.servers ?? getEnv().BBB_WEBHOOKS_SERVERS
  const callbackUrl = options.callbackUrl ?? webhookCallbackUrl()
  const results: WebhookRegistration[] = []
  for (const server of servers) {
    const host = new URL(server.url).host
    const query = `callbackURL=${encodeURIComponent(callbackUrl)}`
    try {
      const response = await fetch(signedHooksUrl(server, "hooks/create", query), { signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) })
      const body = await response.text()
      if (!response.ok || !/<returncode>\s*SUCCESS\s*<\/returncode>/.test(body)) {
        const key = /<messageKey>([^<]*)<\/messageKey>/.exec(body)?.[1]
        results.push({ server: host, ok: false, error: key ? `FAILED ${key}` : `HTTP ${response.status}` })
        continue
      }
      results.push({ server: host, ok: true, hookId: /<hookID>([^<]*)<\/hookID>/.exec(body)?.[1] })
    } catch (error) {
      results.push({ server: host, ok: false, error: (error as Error).message })
    }
  }
  for (const r of results) {
    if (r.ok) logger.debug({ server: r.server, hookId: r.hookId }, "bbb-webhooks hook registered")
    else logger.warn({ server: r.server, error: r.error }, `bbb-webhooks hook not registered on ${r.server}: ${r.error}`)
  }
  if (results.length > 0) {
    // Healthy hooks on every server let the full sync run less often (MEETINGS_FULL_SYNC_INTERVAL_MS).
    const producer = getProducerRedis()
    await withRedis(producer, () => recordWebhooksRegistration(producer, { ok: results.every((r) => r.ok), at: Date.now(), servers: results.length })).catch(
      (error: unknown) => logger.warn({ error: (error as Error).message }, "bbb-webhooks registration not recorded"),
    )
    if (results.every((r) => r.ok)) reportUp("bbb")
    else if (results.every((r) => !r.ok && !r.error?.startsWith("FAILED"))) reportDown("bbb", new Error(results[0]!.error))
  }
  return results
}
