import type { Metadata } from "next"
import Link from "next/link"
import { getFormatter, getTranslations } from "next-intl/server"

import { listOnAirBroadcasters } from "@/lib/lives/list-on-air-broadcasters"

import { AutoRefresh } from "@/components/layout/auto-refresh"
import { Badge } from "@/components/ui/badge"
import { Card } from "@/components/ui/card"
import { EmptyState } from "@/components/ui/empty-state"
import { LiveStatusBadge } from "@/components/ui/live-status-badge"
import { PageHeader } from "@/components/ui/page-header"
import { SectionHeading } from "@/components/ui/section-heading"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lives"))("title") }
}

export default async function LivesPage() {
  const [t, format, buildings] = await Promise.all([getTranslations("lives"), getFormatter(), listOnAirBroadcasters()])
  return (
    <>
      {/* Lives start and stop without a reload: anonymous visitors may follow the "lives" topic. */}
      <AutoRefresh topics={["lives"]} />
      <PageHeader title={t("title")} description={t("intro")} />
      {buildings.length === 0 ? (
        <EmptyState title={t("empty")} testId="no-lives">
          {t("emptyHelp")}
        </EmptyState>
      ) : (
        <div className="space-y-8">
          {buildings.map((building, i) => (
            <section key={building.name} aria-labelledby={`building-${i}`}>
              <SectionHeading id={`building-${i}`} className="mb-3">
                {building.name}
              </SectionHeading>
              <ul className="grid gap-4 sm:grid-cols-2">
                {building.broadcasters.map((b) => (
                  <li key={b.slug}>
                    <Card as="article" className="relative h-full transition hover:border-brand-600 focus-within:ring-2 focus-within:ring-brand-600" testId="on-air-live">
                      <p className="flex flex-wrap items-center gap-2">
                        <LiveStatusBadge status="RUNNING" />
                        {b.isRestricted && <Badge tone="warning">{t("restricted")}</Badge>}
                      </p>
                      <h3 className="mt-3 text-lg font-medium break-words">
                        {/* The whole card is the link's target (its ::after covers the card). */}
                        <Link href={`/lives/${b.slug}`} className="text-brand-800 underline-offset-2 after:absolute after:inset-0 hover:underline focus:outline-none">
                          {b.name}
                        </Link>
                      </h3>
                      {b.startedAt && <p className="text-sm text-slate-600">{t("startedAt", { time: format.dateTime(b.startedAt, "time") })}</p>}
                    </Card>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  )
}
