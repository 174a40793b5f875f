import Link from "next/link"
import { getLocale, getTranslations } from "next-intl/server"

import { getCurrentUser, hasRole } from "@/lib/auth/session"
import { getEnv } from "@/lib/config/env"

import { LinkButton } from "@/components/ui/link-button"
import { cn } from "@/components/ui/cn"

import { CONTAINER } from "./container"
import { LanguageSwitch } from "./language-switch"
import { NavLink } from "./nav-link"
import { SignOutButton } from "./sign-out-button"

/**
 * One row from 768 px (logo, navigation, account); on a phone two rows: logo and account controls,
 * then the navigation.
 */
export async function SiteHeader() {
  const [t, tApp, tRoles, user, locale] = await Promise.all([
    getTranslations("nav"),
    getTranslations("app"),
    getTranslations("roles"),
    getCurrentUser(),
    getLocale(),
  ])
  const links = [
    { href: "/lives", label: t("lives"), show: true },
    { href: "/meetings", label: t("meetings"), show: !!user && hasRole(user, "teacher") && getEnv().USE_BBB_LIVE },
    // One entry for the recordings pages (external videos, claims): the header stays within two rows on a phone.
    { href: "/recordings/external", section: "/recordings", label: t("recordings"), show: !!user && hasRole(user, "teacher") },
    { href: "/admin", label: t("admin"), show: !!user && hasRole(user, "admin") },
  ].filter((l) => l.show)
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className={cn(CONTAINER, "flex flex-wrap items-center gap-x-4 gap-y-2 py-2.5 md:flex-nowrap")}>
        <Link href="/lives" className="flex shrink-0 items-center gap-2 font-semibold whitespace-nowrap text-brand-800">
          <span aria-hidden="true" className="size-3 rounded-full bg-red-600 ring-4 ring-red-100" />
          {tApp("name")}
        </Link>
        {/* On a phone the navigation takes the full width of its row and scrolls within it if it must. */}
        <nav aria-label={t("label")} className="order-last -mx-3 w-[calc(100%+1.5rem)] overflow-x-auto md:order-none md:mx-0 md:w-auto md:shrink-0 md:overflow-visible">
          <ul className="flex gap-1 whitespace-nowrap">
            {links.map((l) => (
              <li key={l.href}>
                <NavLink href={l.href} section={l.section}>{l.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-2 text-sm">
          {user && (
            <span className="hidden max-w-56 min-w-0 truncate text-right leading-tight text-slate-700 lg:block" data-testid="signed-in-user" title={`${user.firstName} ${user.lastName} · ${tRoles(user.role)}`}>
              <span className="sr-only">{t("account", { name: `${user.firstName} ${user.lastName}`, role: tRoles(user.role) })}</span>
              <span aria-hidden="true">
                <span className="block truncate font-medium text-slate-900">
                  {user.firstName} {user.lastName}
                </span>
                <span className="block truncate text-xs text-slate-600">{tRoles(user.role)}</span>
              </span>
            </span>
          )}
          {/* On a phone the language switch sits in the footer, so the header keeps two rows. */}
          <div className="hidden shrink-0 md:block">
            <LanguageSwitch current={locale} label={t("language")} />
          </div>
          {user ? (
            <SignOutButton label={t("signOut")} />
          ) : (
            <LinkButton href="/login" size="sm">
              {t("signIn")}
            </LinkButton>
          )}
        </div>
      </div>
    </header>
  )
}
