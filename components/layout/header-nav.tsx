"use client"

// The header's navigation: the Directs for everyone, then what the viewer's role opens.
import { useTranslations } from "next-intl"

import { hasRole } from "@/lib/auth/roles"

import { useHeaderViewer, type HeaderViewer } from "./header-viewer"
import { NavLink } from "./nav-link"

/** `viewer`: see useHeaderViewer; `meetings`: whether the BBB live module is on (USE_BBB_LIVE). */
export function HeaderNav({ viewer: initial, meetings }: { viewer: HeaderViewer | null | undefined; meetings: boolean }) {
  const t = useTranslations("nav")
  const viewer = useHeaderViewer(initial)
  const teacher = !!viewer && hasRole(viewer, "teacher")
  const links = [
    { href: "/lives", label: t("lives"), show: true },
    { href: "/meetings", label: t("meetings"), show: teacher && meetings },
    // One entry for the recordings pages (external videos, claims): the header stays within two rows on a phone.
    { href: "/recordings/external", section: "/recordings", label: t("recordings"), show: teacher },
    { href: "/admin", label: t("admin"), show: !!viewer && hasRole(viewer, "admin") },
  ].filter((l) => l.show)
  return (
    // On a phone the navigation takes the full width of its row and scrolls within it if it must.
    <nav aria-label={t("label")} className="order-last -mx-3 w-[calc(100%+1.5rem)] overflow-x-auto md:order-none md:mx-0 md:w-auto md:shrink-0 md:overflow-visible">
      <ul className="flex gap-1 whitespace-nowrap">
        {links.map((l) => (
          <li key={l.href}>
            <NavLink href={l.href} section={l.section}>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
