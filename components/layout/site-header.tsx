import Link from "next/link"
import { getLocale, getTranslations } from "next-intl/server"

import { getCurrentUser, hasRole } from "@/lib/auth/session"
import { getEnv } from "@/lib/config/env"

import { LanguageSwitch } from "./language-switch"
import { NavLink } from "./nav-link"
import { SignOutButton } from "./sign-out-button"

export async function SiteHeader() {
  const [t, tRoles, user, locale] = await Promise.all([getTranslations("nav"), getTranslations("roles"), getCurrentUser(), getLocale()])
  const appName = (await getTranslations("app"))("name")
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link href="/lives" className="text-lg font-semibold text-brand-800">
          {appName}
        </Link>
        <nav aria-label={t("label")} className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="flex flex-wrap gap-1">
            <li>
              <NavLink href="/lives">{t("lives")}</NavLink>
            </li>
            {user && hasRole(user, "teacher") && getEnv().USE_BBB_LIVE && (
              <li>
                <NavLink href="/meetings">{t("meetings")}</NavLink>
              </li>
            )}
            {user && hasRole(user, "teacher") && (
              <>
                <li>
                  <NavLink href="/recordings/external">{t("externalRecordings")}</NavLink>
                </li>
                <li>
                  <NavLink href="/recordings/claim">{t("claim")}</NavLink>
                </li>
              </>
            )}
            {user && hasRole(user, "admin") && (
              <li>
                <NavLink href="/admin">{t("admin")}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <LanguageSwitch current={locale} label={t("language")} />
          {user ? (
            <>
              <span className="hidden text-slate-700 md:inline" data-testid="signed-in-user">
                {t("signedInAs", { name: `${user.firstName} ${user.lastName}` })}
                <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{tRoles(user.role)}</span>
              </span>
              <SignOutButton label={t("signOut")} />
            </>
          ) : (
            <Link href="/login" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
              {t("signIn")}
            </Link>
          )}
        </div>
      </div>
    </header>
  )
}
