import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"

import { sendMail } from "./send-mail"

/** Mails ADMIN_EMAIL and every active administrator account. */
export async function notifyAdmins(subject: string, text: string): Promise<boolean> {
  const admins = await db.user.findMany({ where: { role: "ADMIN", isActive: true }, select: { email: true } })
  return sendMail({ to: [getEnv().ADMIN_EMAIL, ...admins.map((a) => a.email)], subject: `[bbb-pod-live] ${subject}`, text })
}
