// bbb-webhooks: hooks registered with hooks/create (api-routes.ts); each session and public chat event of the state is
// POSTed to every hook as `event=<JSON array>&timestamp=<ms>&domain=<host>`, with checksum =
// sha1(callbackURL + body + secret) appended to the callback URL.
import { createHash } from "node:crypto"

import type { SimEvent } from "./model"
import type { SimulatorState } from "./state"

export type SimWebhooks = ReturnType<typeof createWebhooks>

/** Delivers `state`'s events from now on; returns the hook registry and the delivery counters. */
export function createWebhooks(state: SimulatorState, secret: string) {
  const hooks = new Map<string, string>()
  let nextHookId = 1
  let delivered = 0
  let failedDeliveries = 0
  const inFlight = new Set<Promise<void>>()
  function deliver(event: SimEvent): void {
    const payload = [
      {
        data: {
          type: "event",
          id: event.id,
          attributes: {
            meeting: { "internal-meeting-id": event.internalMeetingID, "external-meeting-id": event.meetingID },
            ...(event.user ? { user: { "internal-user-id": event.user.userID, "external-user-id": event.user.userID, name: event.user.fullName, role: event.user.role } } : {}),
            // BBB >= 2.7's chat event: the public chat's id and the message with its sender.
            ...(event.chat
              ? {
                  "chat-id": "MAIN-PUBLIC-GROUP-CHAT",
                  "chat-message": { id: `msg-${Date.now()}`, message: event.chat.message, sender: { "internal-user-id": event.chat.senderID, "external-user-id": event.chat.senderID, name: event.chat.senderName, time: Date.now() } },
                }
              : {}),
          },
          event: { ts: Date.now() },
        },
      },
    ]
    for (const callbackURL of new Set(hooks.values())) {
      const body = `event=${encodeURIComponent(JSON.stringify(payload))}&timestamp=${Date.now()}&domain=${encodeURIComponent(state.publicUrl)}`
      const checksum = createHash("sha1").update(callbackURL + body + secret, "utf8").digest("hex")
      const target = `${callbackURL}${callbackURL.includes("?") ? "&" : "?"}checksum=${checksum}`
      const sending = fetch(target, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" }, signal: AbortSignal.timeout(5_000) })
        .then((r) => (r.ok ? delivered++ : failedDeliveries++))
        .catch(() => failedDeliveries++)
        .then(() => undefined)
      inFlight.add(sending)
      void sending.finally(() => inFlight.delete(sending))
    }
  }
  state.onEvent = deliver

  return {
    /** hooks/create: registers `callbackURL` (once per URL); `existing` when it was already. */
    register(callbackURL: string): { hookID: string; existing: boolean } {
      const existing = [...hooks.entries()].find(([, u]) => u === callbackURL)
      const hookID = existing?.[0] ?? String(nextHookId++)
      hooks.set(hookID, callbackURL)
      return { hookID, existing: existing !== undefined }
    },
    /** hooks/destroy: false when no such hook. */
    destroy: (hookID: string): boolean => hooks.delete(hookID),
    hooks: () => [...hooks.entries()].map(([hookID, callbackURL]) => ({ hookID, callbackURL })),
    delivered: () => delivered,
    failed: () => failedDeliveries,
    settled: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight])
    },
  }
}
