// Whether our callback is among the hooks a BBB server's bbb-webhooks holds (`hooks/list`). The
// worker registers it every BBB_WEBHOOKS_REGISTER_MS: its absence means no worker runs or BBB refused
// it (the worker logs why). For `npm run doctor`.
import type { WebhookServer } from "@/lib/config/webhook-servers-setting"

import { signedHooksUrl } from "./register-webhooks"

export type RegisteredWebhook = { ok: true; hookId: string | null } | { ok: false; reason: "NOT_REGISTERED" | "REFUSED" | "UNREACHABLE"; message: string }

export async function findRegisteredWebhook(server: WebhookServer, callbackUrl: string, timeoutMs = 10_000): Promise<RegisteredWebhook> {
  let body: string
  try {
    const response = await fetch(signedHooksUrl(server, "hooks/list", ""), { signal: AbortSignal.timeout(timeoutMs) })
    body = await response.text()
    if (!response.ok) return { ok: false, reason: "REFUSED", message: `HTTP ${response.status}` }
  } catch (error) {
    return { ok: false, reason: "UNREACHABLE", message: String((error as Error).cause ?? (error as Error).message) }
  }
  if (!/<returncode>\s*SUCCESS\s*<\/returncode>/.test(body)) {
    const key = /<messageKey>([^<]*)<\/messageKey>/.exec(body)?.[1]
    return { ok: false, reason: "REFUSED", message: key ? `FAILED ${key}` : "not a bbb-webhooks answer" }
  }
  for (const hook of body.match(/<hook>[\s\S]*?<\/hook>/g) ?? []) {
    const url = /<callbackURL>(?:<!\[CDATA\[)?([^<\]]*)(?:\]\]>)?<\/callbackURL>/.exec(hook)?.[1]?.trim()
    if (url === callbackUrl) return { ok: true, hookId: /<hookID>([^<]*)<\/hookID>/.exec(hook)?.[1] ?? null }
  }
  return { ok: false, reason: "NOT_REGISTERED", message: `no hook calls ${callbackUrl}` }
}
