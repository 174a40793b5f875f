// Outgoing mail through nodemailer: SMTP when SMTP_URL is set, else the message is written to the
// log (development, demo and tests), so nothing silently disappears.
import nodemailer, { type Transporter } from "nodemailer"

import { getEnv } from "@/lib/config/env"
import { logger } from "@/lib/logger"

export type Mail = { to: string[]; subject: string; text: string }

let transporter: Transporter | undefined

function getTransporter(): Transporter {
  const env = getEnv()
  transporter ??= env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : nodemailer.createTransport({ jsonTransport: true })
  return transporter
}

/** Sends one mail; returns false (and logs) when the SMTP server refuses it, never throws. */
export async function sendMail(mail: Mail): Promise<boolean> {
  const env = getEnv()
  const to = [...new Set(mail.to.filter(Boolean))]
  if (to.length === 0) return false
  try {
    await getTransporter().sendMail({ from: env.MAIL_FROM, to, subject: mail.subject, text: mail.text })
    logger.info({ to, subject: mail.subject, smtp: Boolean(env.SMTP_URL) }, env.SMTP_URL ? "mail sent" : "mail (no SMTP_URL: logged only)")
    return true
  } catch (error) {
    logger.error({ err: error, to, subject: mail.subject }, "mail could not be sent")
    return false
  }
}
