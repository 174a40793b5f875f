// A bbb-webhooks callback: verify its checksum against every configured server's secret, read its
// events; a public chat message (chat-group-message-sent) goes to its live's page (lib/chat); for session events (created, ended, someone joined or left) refresh the sessions they
// name at once (getMeetingInfo, one job per session per window), or every session when an event names
// none. Webhooks are only a low-latency trigger: the getMeetings sync stays the source of truth (hooks
// are dropped by BBB after failed callbacks, events are lost while we are down).
// A replayed callback (same signed request again) is answered as handled but ignored: a 4xx would count
// as a failed delivery, and bbb-webhooks drops hooks after failed callbacks.
import { getEnv } from "@/lib/config/env"
import type { WebhookServer } from "@/lib/config/webhook-servers-setting"
import { AppError } from "@/lib/errors"
import { showRoomChatMessage, type RoomChatOutcome } from "@/lib/chat/show-room-chat-message"
import { requestMeetingRefresh, requestMeetingsRefresh } from "@/lib/meetings/request-meetings-refresh"

import { claimWebhookDelivery, releaseWebhookDelivery } from "./claim-webhook-delivery"
import { webhookCallbackUrl } from "./register-webhooks"
import { chatEventSchema, WEBHOOK_EVENTS_OF_INTEREST, webhookEventsSchema, type WebhookEvent } from "./schemas"
import { isWebhookChecksumValid } from "./verify-webhook-checksum"

/** A burst of events (a class of 200 joining) becomes one refresh per window. */
export const WEBHOOK_REFRESH_DEBOUNCE_MS = 500

export type WebhookCallbackResult = { events: string[]; refreshed: boolean; replay?: true; roomChat?: RoomChatOutcome[] }

export async function handleWebhookCallback(input: { checksum: string | null; rawBody: string; servers?: WebhookServer[]; callbackUrl?: string }): Promise<WebhookCallbackResult> {
  const servers = input.servers ?? getEnv().BBB_WEBHOOKS_SERVERS
  if (servers.length === 0) throw new AppError("NOT_FOUND", { message: "bbb-webhooks are not configured (BBB_WEBHOOKS_SERVERS)" })
  const callbackUrl = input.callbackUrl ?? webhookCallbackUrl()
  if (!isWebhookChecksumValid({ callbackUrl, rawBody: input.rawBody, checksum: input.checksum, secrets: servers.map((s) => s.secret) })) {
    throw new AppError("UNAUTHENTICATED", { message: "bbb-webhooks callback with a wrong checksum" })
  }
  const checksum = input.checksum!
  if (!(await claimWebhookDelivery(checksum))) return { events: [], refreshed: false, replay: true }
  try {
    return await actOnEvents(input.rawBody)
  } catch (error) {
    await releaseWebhookDelivery(checksum)
    throw error
  }
}

async function actOnEvents(rawBody: string): Promise<WebhookCallbackResult> {
  // bbb-webhooks posts `event=<JSON array>&timestamp=…` (form-encoded); accept a bare JSON body too.
  const raw = new URLSearchParams(rawBody).get("event") ?? rawBody
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    throw new AppError("INVALID_INPUT", { message: "bbb-webhooks callback body is not JSON" })
  }
  const parsed = webhookEventsSchema.safeParse(Array.isArray(json) ? json : [json])
  if (!parsed.success) throw new AppError("INVALID_INPUT", { message: "bbb-webhooks callback without events" })
  const events = parsed.data.map((e) => e.data.id)
  const relevant = parsed.data.filter((e) => (WEBHOOK_EVENTS_OF_INTEREST as readonly string[]).includes(e.data.id))
  const meetingIDs = new Set<string>()
  let unnamed = false
  for (const event of relevant) {
    const id = event.data.attributes?.meeting?.["external-meeting-id"]
    if (id) meetingIDs.add(id)
    else unnamed = true
  }
  for (const meetingID of meetingIDs) await requestMeetingRefresh(meetingID, { windowMs: WEBHOOK_REFRESH_DEBOUNCE_MS })
  const everything = unnamed ? await requestMeetingsRefresh({ source: "webhook", debounceMs: WEBHOOK_REFRESH_DEBOUNCE_MS }) : false
  const refreshed = meetingIDs.size > 0 || everything
  const chats = parsed.data.filter((e) => e.data.id === "chat-group-message-sent")
  if (chats.length === 0) return { events, refreshed }
  const roomChat: RoomChatOutcome[] = []
  for (const event of chats) roomChat.push(await showRoomChat(event))
  return { events, refreshed, roomChat }
}

/** A public chat message of a room: shown on its live's page (lib/chat); a malformed one is ignored. */
async function showRoomChat(event: WebhookEvent): Promise<RoomChatOutcome> {
  const parsed = chatEventSchema.safeParse(event.data.attributes)
  if (!parsed.success) return "empty"
  const { meeting, "chat-id": chatId, "chat-message": chat } = parsed.data
  return showRoomChatMessage({ meetingID: meeting["external-meeting-id"], senderName: chat.sender?.name ?? "", message: chat.message, chatId })
}
