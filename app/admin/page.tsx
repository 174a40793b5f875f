import type { Metadata } from "next"
import Link from "next/link"
import { getTranslations } from "next-intl/server"

import { getAdminOverview } from "@/lib/admin/get-admin-overview"
import { getPlatformAudience } from "@/lib/audience/get-platform-audience"

import { PlatformOverview } from "@/components/audience/platform-overview"
import { cn } from "@/components/ui/cn"
import { TextLink } from "@/components/ui/link-button"
import { PageHeader } from "@/components/ui/page-header"

import { requirePageRole } from "@/app/_lib/guards"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") }
}

type StatCard = { key: "attendeesToMatch" | "runningMeetings" | "activeLives" | "users"; label: string; hint?: string; value: number; href?: string; attention?: boolean }

export default async function AdminPage() {
  await requirePageRole("admin", "/admin")
  const [t, tSignIns, tHealth, overview, platformDays] = await Promise.all([
    getTranslations("admin"),
    getTranslations("adminSignIns"),
    getTranslations("adminHealth"),
    getAdminOverview(),
    getPlatformAudience(),
  ])
  // Each card counts exactly what its page lists; a card links to its page when there is one.
  const cards: StatCard[] = [
    { key: "attendeesToMatch", label: t("toMatch"), hint: t("toMatchHint"), value: overview.attendeesToMatch, href: "/admin/attendees", attention: overview.attendeesToMatch > 0 },
    { key: "runningMeetings", label: t("runningMeetings"), value: overview.runningMeetings },
    { key: "activeLives", label: t("activeLives"), hint: t("activeLivesHint"), value: overview.activeLives },
    { key: "users", label: t("users"), hint: t("usersHint"), value: overview.users },
  ]
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map((c) => {
          const body = (
            <>
              <span className="block text-sm font-medium text-slate-700">{c.label}</span>
              <span className={cn("mt-1 block text-3xl font-semibold", c.attention ? "text-amber-800" : "text-slate-900")} data-testid={`admin-${c.key}`}>
                {c.value}
              </span>
              {c.hint && <span className="mt-1 block text-xs text-slate-600">{c.hint}</span>}
              {c.href && (
                <span className="mt-3 inline-flex items-center gap-1 text-sm font-medium text-brand-700">
                  {t("open")} <span aria-hidden="true">→</span>
                </span>
              )}
            </>
          )
          const box = "block h-full rounded-lg border bg-white p-4 shadow-sm"
          return (
            <li key={c.key}>
              {c.href ? (
                <Link
                  href={c.href}
                  className={cn(box, "transition-colors hover:border-brand-600 hover:bg-brand-50", c.attention ? "border-amber-400" : "border-slate-200")}
                >
                  {body}
                </Link>
              ) : (
                <div className={cn(box, "border-slate-200")}>{body}</div>
              )}
            </li>
          )
        })}
      </ul>
      <ul className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <TextLink href="/admin/health">{tHealth("link")}</TextLink>
        </li>
        <li>
          <TextLink href="/admin/sign-ins">{tSignIns("link")}</TextLink>
        </li>
      </ul>
      <PlatformOverview days={platformDays} />
    </>
  )
}
