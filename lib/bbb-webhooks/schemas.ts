// bbb-webhooks: the servers to register on (BBB_WEBHOOKS_SERVERS) and the events they POST.
import { z } from "zod"

export const webhookServerSchema = z.object({ url: z.url({ protocol: /^https?$/ }), secret: z.string().min(1) })
export type WebhookServer = z.infer<typeof webhookServerSchema>

/** `https://bbb1.example.org/|secret1,https://bbb2.example.org/|secret2` → servers (empty: webhooks off). */
export const webhookServersSettingSchema = z
  .string()
  .trim()
  .default("")
  .transform((value, ctx) => {
    const servers: WebhookServer[] = []
    for (const entry of value.split(",").map((e) => e.trim()).filter(Boolean)) {
      const [url = "", secret = "", ...rest] = entry.split("|")
      const parsed = webhookServerSchema.safeParse({ url: url.trim(), secret: secret.trim() })
      if (rest.length > 0 || !parsed.success) {
        ctx.addIssue({ code: "custom", message: "each entry must be <BBB server URL>|<its secret>, entries separated by commas" })
        return z.NEVER
      }
      servers.push(parsed.data)
    }
    return servers
  })

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
