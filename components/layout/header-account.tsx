"use client"

// The header's account controls: the account menu (who is signed in; « Changer mon mot de passe » for
// accounts with a local password, app/account/password; « Se déconnecter »), or the sign-in link.
// `children` (the language switch) sits before it. One menu instead of a row of controls: an
// admin's header row (six links at a 976 px column) kept no room for the name.
import { usePathname } from "next/navigation"
import { useTranslations } from "next-intl"
import { useEffect, useRef, type ReactNode } from "react"

import { LinkButton } from "@/components/ui/link-button"

import { useHeaderViewer, type HeaderViewer } from "./header-viewer"
import { SignOutButton } from "./sign-out-button"

function initials(viewer: HeaderViewer): string {
  return `${viewer.firstName.trim().charAt(0)}${viewer.lastName.trim().charAt(0)}`.toUpperCase()
}

/**
 * A <details> (it opens without JavaScript); with it, Escape and a click elsewhere close the menu,
 * Escape gives the focus back to its button, and a navigation folds it again.
 */
function AccountMenu({ viewer }: { viewer: HeaderViewer }) {
  const t = useTranslations("nav")
  const tRoles = useTranslations("roles")
  const menu = useRef<HTMLDetailsElement>(null)
  const pathname = usePathname()
  const name = `${viewer.firstName} ${viewer.lastName}`
  const role = tRoles(viewer.role)
  useEffect(() => {
    if (menu.current) menu.current.open = false
  }, [pathname])
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !menu.current?.open) return
      menu.current.open = false
      menu.current.querySelector("summary")?.focus()
    }
    const onClick = (event: MouseEvent) => {
      if (menu.current?.open && !menu.current.contains(event.target as Node)) menu.current.open = false
    }
    document.addEventListener("keydown", onKey)
    document.addEventListener("click", onClick)
    return () => {
      document.removeEventListener("keydown", onKey)
      document.removeEventListener("click", onClick)
    }
  }, [])
  return (
    <details ref={menu} className="group relative min-w-0" data-testid="account-menu">
      <summary
        className="flex min-h-9 min-w-0 cursor-pointer list-none items-center gap-2 rounded-md px-1 py-0.5 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 [&::-webkit-details-marker]:hidden"
        title={`${name} · ${role}`}
      >
        <span className="sr-only">{t("account", { name, role })}</span>
        <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-800">
          {initials(viewer)}
        </span>
        <span aria-hidden="true" className="hidden max-w-48 min-w-16 text-left leading-tight lg:block" data-testid="signed-in-user">
          <span className="block truncate text-sm font-medium text-slate-900">{name}</span>
          <span className="block truncate text-xs text-slate-600">{role}</span>
        </span>
        <span aria-hidden="true" className="shrink-0 text-slate-500 transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-64 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white p-2 shadow-lg">
        <p className="border-b border-slate-100 px-2 pb-2 text-sm">
          <span className="block font-medium break-words text-slate-900">{name}</span>
          <span className="block text-xs text-slate-600">{role}</span>
        </p>
        <div className="flex flex-col items-stretch gap-1 pt-2">
          {viewer.hasPassword && (
            <LinkButton href="/account/password" variant="ghost" size="sm" className="justify-start" data-testid="change-password-link">
              {t("changePassword")}
            </LinkButton>
          )}
          <SignOutButton label={t("signOut")} />
        </div>
      </div>
    </details>
  )
}

export function HeaderAccount({ viewer: initial, children }: { viewer: HeaderViewer | null | undefined; children: ReactNode }) {
  const t = useTranslations("nav")
  const viewer = useHeaderViewer(initial)
  return (
    <div className="ml-auto flex min-w-0 items-center gap-2 text-sm">
      {children}
      {viewer === undefined ? (
        // Not known yet (a members' page asks the browser): keep the menu's room, show nothing.
        <span aria-hidden="true" className="inline-block min-h-9 w-12 shrink-0 lg:w-44" data-testid="account-pending" />
      ) : viewer ? (
        <AccountMenu viewer={viewer} />
      ) : (
        <LinkButton href="/login" size="sm">
          {t("signIn")}
        </LinkButton>
      )}
    </div>
  )
}
