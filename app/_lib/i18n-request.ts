// next-intl request configuration: the locale comes from the NEXT_LOCALE cookie (set by the language
// switch), else the browser's Accept-Language, else French.
import { cookies, headers } from "next/headers"
import { getRequestConfig } from "next-intl/server"

import { getEnv } from "@/lib/config/env"
import { DATE_FORMATS } from "@/lib/i18n/date-formats"
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, LOCALES, type Locale } from "@/lib/i18n/locales"

async function resolveLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value
  if (isLocale(fromCookie)) return fromCookie
  const accept = (await headers()).get("accept-language") ?? ""
  const first = accept
    .split(",")
    .map((part) => part.split(";")[0]!.trim().slice(0, 2).toLowerCase())
    .find((code) => (LOCALES as readonly string[]).includes(code))
  return isLocale(first) ? first : DEFAULT_LOCALE
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale()
  const messages = (await import(`@/lib/i18n/messages/${locale}.json`)).default
  return { locale, messages, timeZone: getEnv().TZ, formats: { dateTime: DATE_FORMATS } }
})
