import type { Metadata } from "next"
import Link from "next/link"
import { getTranslations } from "next-intl/server"

import { getAdminOverview } from "@/lib/admin/get-admin-overview"

import { requirePageRole } from "@/app/_lib/guards"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") }
}

export default async function AdminPage() {
  await requirePageRole("admin", "/admin")
  const [t, tAttendees, tHealth, overview] = await Promise.all([getTranslations("admin"), getTranslations("adminAttendees"), getTranslations("adminHealth"), getAdminOverview()])
  const cards = [
    ["users", overview.users],
    ["meetings", overview.meetings],
    ["runningMeetings", overview.runningMeetings],
    ["attendees", overview.attendees],
    ["ambiguous", overview.ambiguousAttendees],
    ["lives", overview.lives],
    ["activeLives", overview.activeLives],
  ] as const
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-600">{t("intro")}</p>
      <dl className="mt-6 grid grid-cols-2 gap-4 sm:grid-cols-4">
        {cards.map(([key, value]) => (
          <div key={key} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{t(key)}</dt>
            <dd className="mt-1 text-2xl font-semibold" data-testid={`admin-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-6">
        <Link href="/admin/attendees" className="text-brand-700 underline">
          {tAttendees("link")}
        </Link>
      </p>
      <p className="mt-2">
        <Link href="/admin/health" className="text-brand-700 underline">
          {tHealth("link")}
        </Link>
      </p>
    </section>
  )
}
