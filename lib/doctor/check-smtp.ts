// Doctor: the SMTP server of SMTP_URL greets us and takes our login; with --mail, a test mail to
// ADMIN_EMAIL. Without SMTP_URL the admin mails are only logged: nothing to check.
import type { Env } from "@/lib/config/env"
import { checkSmtp as verifySmtp } from "@/lib/mail/check-smtp"

import { fail, pass, skip, type DoctorCheck } from "./doctor-check"

const CHECK = "SMTP"

export async function checkSmtp(env: Pick<Env, "SMTP_URL" | "MAIL_FROM" | "ADMIN_EMAIL">, options: { sendMail?: boolean } = {}): Promise<DoctorCheck> {
  if (!env.SMTP_URL) {
    if (options.sendMail) return fail(CHECK, "--mail asked, but SMTP_URL is not set", "set SMTP_URL (smtp://user:password@host:587) to send the admin mails")
    return skip(CHECK, "SMTP_URL is not set: admin mails are written to the log only")
  }
  const result = await verifySmtp(env, { sendTo: options.sendMail ? env.ADMIN_EMAIL : undefined })
  const host = new URL(env.SMTP_URL).host
  if (!result.ok) return fail(CHECK, `${host}: ${result.message}`, "correct SMTP_URL (smtp:// with STARTTLS or smtps://, host, port, user and password) and let this host reach it")
  return pass(CHECK, result.sentTo ? `${host}: test mail sent to ${result.sentTo}` : `${host}: greeting and login accepted (npm run doctor -- --mail sends a test mail to ADMIN_EMAIL)`)
}
