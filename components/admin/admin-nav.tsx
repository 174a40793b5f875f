import { getTranslations } from "next-intl/server"

import { CompactNav } from "@/components/layout/compact-nav"

/** Every admin area, in the order an admin works through them. */
const AREAS = [
  { href: "/admin", key: "overview", exact: true },
  { href: "/admin/lives", key: "lives" },
  { href: "/admin/meetings", key: "meetings" },
  { href: "/admin/attendees", key: "attendees" },
  { href: "/admin/broadcasters", key: "broadcasters" },
  { href: "/admin/buildings", key: "buildings" },
  { href: "/admin/users", key: "users" },
  { href: "/admin/videos", key: "videos" },
  { href: "/admin/audit", key: "audit" },
  { href: "/admin/sign-ins", key: "signIns" },
  { href: "/admin/health", key: "health" },
] as const

/** The admin sub-navigation, above every admin page: the header's pattern (one folded row on a phone). */
export async function AdminNav() {
  const t = await getTranslations("adminNav")
  return (
    <CompactNav
      label={t("label")}
      entries={AREAS.map((area) => ({ href: area.href, label: t(area.key), exact: "exact" in area && area.exact }))}
      fallback={t("label")}
      className="mb-6 border-b border-slate-200 pb-3"
      testId="admin-nav"
    />
  )
}
