"use server"

import { cookies } from "next/headers"

import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales"

/** Language switch: remembers the chosen locale for a year. */
export async function setLocaleAction(form: FormData): Promise<void> {
  const locale = form.get("locale")
  if (!isLocale(locale)) return
  ;(await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" })
}
