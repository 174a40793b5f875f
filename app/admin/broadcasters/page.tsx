import { getTranslations } from "next-intl/server"

import type { RawSearchParams } from "@/lib/lists/list-params"
import type { AdminBroadcaster } from "@/lib/broadcasters/broadcaster-fields"
import { listAdminBroadcasters } from "@/lib/broadcasters/list-admin-broadcasters"
import { listBuildingChoices } from "@/lib/broadcasters/list-building-choices"
import { adminBroadcastersParamsSchema } from "@/lib/broadcasters/schemas"

import { AdminList, idColumn, nameColumn } from "@/components/admin/admin-list"
import { Badge } from "@/components/ui/badge"
import { FlashNotice } from "@/components/ui/flash-notice"
import { LinkButton } from "@/components/ui/link-button"
import { PageHeader } from "@/components/ui/page-header"

import { readFlashMessage } from "@/app/_lib/flash"
import { titleMetadata } from "@/app/_lib/title-metadata"
import { readAdminListParams } from "@/app/admin/_lib/page-params"

export const dynamic = "force-dynamic"

const BASE = "/admin/broadcasters"

export const generateMetadata = titleMetadata("adminBroadcasters")

export default async function AdminBroadcastersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await readAdminListParams(BASE, adminBroadcastersParamsSchema, searchParams)
  const [t, tAdmin, tk, list, buildings, flash] = await Promise.all([
    getTranslations("adminBroadcasters"),
    getTranslations("admin"),
    getTranslations("adminToolkit"),
    listAdminBroadcasters(params),
    listBuildingChoices(),
    readFlashMessage(),
  ])
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} back={{ href: "/admin", label: tAdmin("title") }}>
        <div className="mt-4 flex flex-wrap gap-2">
          <LinkButton href={`${BASE}/new`}>{t("new")}</LinkButton>
          <LinkButton href="/admin/buildings" variant="secondary">
            {t("buildings")}
          </LinkButton>
        </div>
      </PageHeader>
      <FlashNotice flash={flash} />
      <AdminList<AdminBroadcaster>
        basePath={BASE}
        params={params}
        toolbar={{
          search: { label: t("search") },
          filters: [
            { kind: "select", name: "buildingId", label: t("building"), anyLabel: tk("any"), options: buildings.map((b) => ({ value: String(b.id), label: b.name })) },
            { kind: "select", name: "onAir", label: t("onAir"), anyLabel: tk("any"), options: [{ value: "yes", label: tk("yes") }, { value: "no", label: tk("no") }] },
          ],
          sorts: [
            { value: "name", label: t("name") },
            { value: "slug", label: t("slug") },
            { value: "building", label: t("building") },
            { value: "id", label: t("id") },
          ],
        }}
        empty={{ testId: "no-broadcasters" }}
        list={list}
        caption={t("caption")}
        rowTestId={(r) => `broadcaster-${r.id}`}
        columns={[
          idColumn(t("id")),
          nameColumn(t("name"), (r) => `${BASE}/${r.id}`, (r) => r.name),
          { key: "slug", header: t("slug"), sortBy: "slug", cell: (r) => <span className="break-all">{r.slug}</span> },
          { key: "building", header: t("building"), sortBy: "building", cell: (r) => <span className="break-words">{r.building.name}</span> },
          {
            key: "state",
            header: t("state"),
            cell: (r) => (
              <span className="flex flex-wrap gap-1">
                <Badge tone={r.isOnAir ? "live" : "neutral"}>{r.isOnAir ? t("onAirYes") : t("onAirNo")}</Badge>
                {r.isRestricted && <Badge tone="warning">{t("restricted")}</Badge>}
                {!r.isPublic && <Badge tone="neutral">{t("hidden")}</Badge>}
              </span>
            ),
          },
        ]}
      />
    </>
  )
}
