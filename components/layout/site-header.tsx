import Link from "next/link"
import { getLocale, getTranslations } from "next-intl/server"

import { getCurrentUser } from "@/lib/auth/session"
import { getEnv } from "@/lib/config/env"

import { cn } from "@/components/ui/cn"

import { isMembersRender } from "@/app/_lib/shared-render"

import { CONTAINER } from "./container"
import { HeaderAccount } from "./header-account"
import { HeaderNav } from "./header-nav"
import type { HeaderViewer } from "./header-viewer"
import { LanguageSwitch } from "./language-switch"

/**
 * One row from 768 px (logo, navigation, account); on a phone two rows: logo and account controls,
 * then the navigation. On a members' render (lib/security/shared-cache.ts) the account is not read
 * here: the browser asks it (components/layout/header-viewer.ts).
 */
export async function SiteHeader() {
  const [t, tApp, members, locale] = await Promise.all([getTranslations("nav"), getTranslations("app"), isMembersRender(), getLocale()])
  const user = members ? undefined : await getCurrentUser()
  const viewer: HeaderViewer | null | undefined = user && { firstName: user.firstName, lastName: user.lastName, role: user.role, hasPassword: user.hasPassword }
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className={cn(CONTAINER, "flex flex-wrap items-center gap-x-4 gap-y-2 py-2.5 md:flex-nowrap")}>
        <Link href="/lives" className="flex shrink-0 items-center gap-2 font-semibold whitespace-nowrap text-brand-800">
          <span aria-hidden="true" className="size-3 rounded-full bg-red-600 ring-4 ring-red-100" />
          {tApp("name")}
        </Link>
        <HeaderNav viewer={viewer} meetings={getEnv().USE_BBB_LIVE} />
        <HeaderAccount viewer={viewer}>
          {/* On a phone the language switch sits in the footer, so the header keeps two rows. */}
          <div className="hidden shrink-0 md:block">
            <LanguageSwitch current={locale} label={t("language")} />
          </div>
        </HeaderAccount>
      </div>
    </header>
  )
}
