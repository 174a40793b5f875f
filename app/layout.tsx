import type { Metadata, Viewport } from "next"
import { NextIntlClientProvider } from "next-intl"
import { getLocale, getMessages, getTranslations } from "next-intl/server"
import type { ReactNode } from "react"

import { CONTAINER } from "@/components/layout/container"
import { LanguageSwitch } from "@/components/layout/language-switch"
import { SiteHeader } from "@/components/layout/site-header"
import { cn } from "@/components/ui/cn"
import { CLIENT_NAMESPACES } from "@/lib/i18n/client-namespaces"

import "./globals.css"

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app")
  return { title: { default: t("name"), template: `%s · ${t("name")}` } }
}


export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#185a82" }

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale()
  const [t, tNav, messages] = await Promise.all([getTranslations("app"), getTranslations("nav"), getMessages()])
  const clientMessages = Object.fromEntries(CLIENT_NAMESPACES.filter((n) => n in messages).map((n) => [n, messages[n]]))
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col bg-slate-50 font-sans text-slate-900 antialiased">
        <NextIntlClientProvider messages={clientMessages}>
          <a
            href="#main"
            className="sr-only rounded bg-white px-3 py-2 text-brand-700 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
          >
            {t("skipToContent")}
          </a>
          <SiteHeader />
          <main id="main" className={cn(CONTAINER, "flex-1 py-6 sm:py-8")}>
            {children}
          </main>
          <footer className="border-t border-slate-200 bg-white py-4 text-sm text-slate-600">
            <div className={cn(CONTAINER, "flex flex-wrap items-center justify-between gap-3")}>
              <p>{t("footer")}</p>
              <div className="md:hidden">
                <LanguageSwitch current={locale} label={tNav("language")} />
              </div>
            </div>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  )
}
