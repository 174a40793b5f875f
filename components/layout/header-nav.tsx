"use client"

// The header's navigation: the Directs for everyone, then what the viewer's role opens.
import { useTranslations } from "next-intl"

import { hasRole } from "@/lib/auth/roles"

import { CompactNav, type NavEntry } from "./compact-nav"
import { useHeaderViewer, type HeaderViewer } from "./header-viewer"

/** `viewer`: see useHeaderViewer; `meetings`: whether the BBB live module is on (USE_BBB_LIVE). */
export function HeaderNav({ viewer: initial, meetings }: { viewer: HeaderViewer | null | undefined; meetings: boolean }) {
  const t = useTranslations("nav")
  const viewer = useHeaderViewer(initial)
  const teacher = !!viewer && hasRole(viewer, "teacher")
  const links: NavEntry[] = [
    { href: "/lives", label: t("lives") },
    ...(teacher && meetings ? [{ href: "/meetings", label: t("meetings") }] : []),
    ...(teacher ? [{ href: "/videos", label: t("videos") }] : []),
    ...(teacher && meetings ? [{ href: "/my-lives", label: t("myLives") }] : []),
    // One entry for the recordings pages (external videos, claims).
    ...(teacher ? [{ href: "/recordings/external", section: "/recordings", label: t("recordings") }] : []),
    ...(viewer && hasRole(viewer, "admin") ? [{ href: "/admin", label: t("admin") }] : []),
  ]
  return (
    // On a phone the navigation takes the full width of the header's second row, folded to its current entry.
    <CompactNav
      label={t("label")}
      entries={links}
      fallback={t("menu")}
      className="order-last w-full md:order-none md:w-auto md:shrink-0"
      wrap={false}
      testId="main-nav"
    />
  )
}
