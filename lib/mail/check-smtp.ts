// Whether the SMTP server of SMTP_URL takes our mail: a connection with its greeting and login
// (nodemailer's verify), and, when asked, one real test message. For `npm run doctor`.
import nodemailer from "nodemailer"

import type { Env } from "@/lib/config/env"

export type SmtpCheck = { ok: true; sentTo: string | null } | { ok: false; message: string }

export async function checkSmtp(env: Pick<Env, "SMTP_URL" | "MAIL_FROM">, options: { sendTo?: string; timeoutMs?: number } = {}): Promise<SmtpCheck> {
  if (!env.SMTP_URL) return { ok: false, message: "SMTP_URL is not set" }
  const timeoutMs = options.timeoutMs ?? 10_000
  const transport = nodemailer.createTransport(env.SMTP_URL, { connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs })
  try {
    await transport.verify()
    if (!options.sendTo) return { ok: true, sentTo: null }
    await transport.sendMail({
      from: env.MAIL_FROM,
      to: options.sendTo,
      subject: "Test mail from bbb-pod-live (npm run doctor --mail)",
      text: "This mail was sent by `npm run doctor --mail` to check the SMTP settings. Nothing to do.",
    })
    return { ok: true, sentTo: options.sendTo }
  } catch (error) {
    return { ok: false, message: (error as Error).message }
  } finally {
    transport.close()
  }
}
