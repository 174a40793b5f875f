// BBB_WEBHOOKS_SERVERS: the BBB servers lib/bbb-webhooks registers on. A setting, so it is parsed
// here with the others (lib/config sits below every domain and imports none of them).
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
