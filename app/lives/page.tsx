import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"

import { listOnAirBroadcasters } from "@/lib/lives/list-on-air-broadcasters"

import { Badge } from "@/components/ui/badge"
import { Card } from "@/components/ui/card"
import { EmptyState } from "@/components/ui/empty-state"
import { LiveStatusBadge } from "@/components/ui/live-status-badge"
import { PageHeader } from "@/components/ui/page-header"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lives"))("title") }
}

export default async function LivesPage() {
  const [t, broadcasters] = await Promise.all([getTranslations("lives"), listOnAirBroadcasters()])
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      {broadcasters.length === 0 ? (
        <EmptyState title={t("empty")} testId="no-lives">
          {t("emptyHelp")}
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {broadcasters.map((b) => (
            <li key={b.slug}>
              <Card as="article" className="h-full">
                <p className="flex flex-wrap items-center gap-2">
                  <LiveStatusBadge status="RUNNING" />
                  {b.isRestricted && <Badge>{t("restricted")}</Badge>}
                </p>
                <h2 className="mt-3 text-lg font-medium">{b.name}</h2>
                <p className="text-sm text-slate-600">{t("building", { name: b.buildingName })}</p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
