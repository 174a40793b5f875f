// bbb-webhooks: the events the BBB servers POST. The servers to register on are a setting
// (BBB_WEBHOOKS_SERVERS), parsed in lib/config/webhook-servers-setting.ts.
import { z } from "zod"

/** The events we react to: the rest are acknowledged and ignored. */
export const WEBHOOK_EVENTS_OF_INTEREST = ["meeting-created", "meeting-ended", "user-joined", "user-left"] as const

const webhookEventSchema = z.object({
  data: z.object({
    id: z.string().min(1),
    attributes: z.object({ meeting: z.object({ "internal-meeting-id": z.string().optional(), "external-meeting-id": z.string().optional() }).partial().optional() }).passthrough().optional(),
  }).passthrough(),
}).passthrough()

export const webhookEventsSchema = z.array(webhookEventSchema).min(1)
export type WebhookEvent = z.infer<typeof webhookEventSchema>

/** chat-group-message-sent's attributes (BBB >= 2.7): the session, the chat's id and the message with its sender. */
export const chatEventSchema = z.object({
  meeting: z.object({ "external-meeting-id": z.string().min(1).max(256) }),
  "chat-id": z.string().max(256).optional(),
  "chat-message": z.object({ message: z.string().max(20_000), sender: z.object({ name: z.string().max(1_000).optional() }).partial().optional() }),
})
