import { getTranslations } from "next-intl/server"

import { NavLink } from "@/components/layout/nav-link"

/** Every admin area, in the order an admin works through them. */
const AREAS = [
  { href: "/admin", key: "overview", exact: true },
  { href: "/admin/lives", key: "lives" },
  { href: "/admin/meetings", key: "meetings" },
  { href: "/admin/attendees", key: "attendees" },
  { href: "/admin/broadcasters", key: "broadcasters" },
  { href: "/admin/buildings", key: "buildings" },
  { href: "/admin/users", key: "users" },
  { href: "/admin/audit", key: "audit" },
  { href: "/admin/sign-ins", key: "signIns" },
  { href: "/admin/health", key: "health" },
] as const

/** The admin sub-navigation, above every admin page (wraps on a phone rather than scrolling). */
export async function AdminNav() {
  const t = await getTranslations("adminNav")
  return (
    <nav aria-label={t("label")} className="mb-6 border-b border-slate-200 pb-3" data-testid="admin-nav">
      <ul className="flex flex-wrap gap-1">
        {AREAS.map((area) => (
          <li key={area.href}>
            <NavLink href={area.href} exact={"exact" in area && area.exact}>
              {t(area.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
