"use client"

// The header's account controls: who is signed in, « Mot de passe » (accounts with a local password:
// app/account/password) and the sign-out button, or the sign-in link.
// `children` (the language switch) sits between the name and the button.
import { useTranslations } from "next-intl"
import type { ReactNode } from "react"

import { LinkButton } from "@/components/ui/link-button"

import { useHeaderViewer, type HeaderViewer } from "./header-viewer"
import { SignOutButton } from "./sign-out-button"

export function HeaderAccount({ viewer: initial, children }: { viewer: HeaderViewer | null | undefined; children: ReactNode }) {
  const t = useTranslations("nav")
  const tRoles = useTranslations("roles")
  const viewer = useHeaderViewer(initial)
  const name = viewer ? `${viewer.firstName} ${viewer.lastName}` : ""
  return (
    <div className="ml-auto flex min-w-0 items-center gap-2 text-sm">
      {viewer && (
        <span className="hidden max-w-56 min-w-0 truncate text-right leading-tight text-slate-700 lg:block" data-testid="signed-in-user" title={`${name} · ${tRoles(viewer.role)}`}>
          <span className="sr-only">{t("account", { name, role: tRoles(viewer.role) })}</span>
          <span aria-hidden="true">
            <span className="block truncate font-medium text-slate-900">{name}</span>
            <span className="block truncate text-xs text-slate-600">{tRoles(viewer.role)}</span>
          </span>
        </span>
      )}
      {children}
      {viewer === undefined ? (
        // Not known yet (a members' page asks the browser): keep the button's room, show nothing.
        <span aria-hidden="true" className="inline-block min-h-8 w-28 shrink-0" data-testid="account-pending" />
      ) : viewer ? (
        <>
          {viewer.hasPassword && (
            // A key icon below 1536 px (an admin's header row holds six links, the account and the
            // language at 1280 px), named and titled all the same. Not on a phone: its header row holds
            // the logo and sign-out only (the forced change still leads there after sign-in).
            <div className="hidden shrink-0 sm:block">
              <LinkButton href="/account/password" title={t("password")} variant="ghost" size="sm" className="shrink-0 px-1.5 whitespace-nowrap 2xl:px-2.5" data-testid="change-password-link">
                <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 2xl:hidden" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                  <circle cx="7.5" cy="15.5" r="4.5" />
                  <path d="m10.7 12.3 9.8-9.8M16 7l3 3M18 5l2 2" />
                </svg>
                <span className="sr-only 2xl:not-sr-only">{t("password")}</span>
              </LinkButton>
            </div>
          )}
          <SignOutButton label={t("signOut")} />
        </>
      ) : (
        <LinkButton href="/login" size="sm">
          {t("signIn")}
        </LinkButton>
      )}
    </div>
  )
}
