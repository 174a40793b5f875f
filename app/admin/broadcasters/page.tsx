import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"

import { parseListParams, type RawSearchParams } from "@/lib/lists/list-params"
import type { AdminBroadcaster } from "@/lib/broadcasters/broadcaster-fields"
import { listAdminBroadcasters } from "@/lib/broadcasters/list-admin-broadcasters"
import { listBuildingChoices } from "@/lib/broadcasters/list-building-choices"
import { adminBroadcastersParamsSchema } from "@/lib/broadcasters/schemas"

import { ListToolbar } from "@/components/admin/list-toolbar"
import { Pagination } from "@/components/admin/pagination"
import { ariaSort, SortHeader } from "@/components/admin/sort-header"
import { Badge } from "@/components/ui/badge"
import { DataTable } from "@/components/ui/data-table"
import { EmptyState } from "@/components/ui/empty-state"
import { FlashNotice } from "@/components/ui/flash-notice"
import { LinkButton, TextLink } from "@/components/ui/link-button"
import { PageHeader } from "@/components/ui/page-header"

import { readFlashMessage } from "@/app/_lib/flash"
import { requirePageRole } from "@/app/_lib/guards"

export const dynamic = "force-dynamic"

const BASE = "/admin/broadcasters"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminBroadcasters"))("title") }
}

export default async function AdminBroadcastersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageRole("admin", BASE)
  const params = parseListParams(adminBroadcastersParamsSchema, await searchParams)
  const [t, tAdmin, tk, list, buildings, flash] = await Promise.all([
    getTranslations("adminBroadcasters"),
    getTranslations("admin"),
    getTranslations("adminToolkit"),
    listAdminBroadcasters(params),
    listBuildingChoices(),
    readFlashMessage(),
  ])
  const sortable = (column: string, label: string) => ({
    header: <SortHeader basePath={BASE} params={params} column={column} label={label} />,
    label,
    sort: ariaSort(params, column),
  })
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
      <ListToolbar
        basePath={BASE}
        params={params}
        search={{ label: t("search") }}
        filters={[
          { kind: "select", name: "buildingId", label: t("building"), anyLabel: tk("any"), options: buildings.map((b) => ({ value: String(b.id), label: b.name })) },
          { kind: "select", name: "onAir", label: t("onAir"), anyLabel: tk("any"), options: [{ value: "yes", label: tk("yes") }, { value: "no", label: tk("no") }] },
        ]}
        sorts={[
          { value: "name", label: t("name") },
          { value: "slug", label: t("slug") },
          { value: "building", label: t("building") },
          { value: "id", label: t("id") },
        ]}
        csvPath={`${BASE}/export`}
      />
      {list.total === 0 ? (
        <EmptyState title={tk("noResults")} testId="no-broadcasters">
          {tk("noResultsHelp")}
        </EmptyState>
      ) : (
        <DataTable<AdminBroadcaster>
          caption={t("caption")}
          rows={list.rows}
          rowKey={(r) => r.id}
          rowTestId={(r) => `broadcaster-${r.id}`}
          columns={[
            { key: "id", ...sortable("id", t("id")), className: "md:w-16", cell: (r) => <span className="tabular-nums">{r.id}</span> },
            {
              key: "name",
              ...sortable("name", t("name")),
              rowHeader: true,
              cell: (r) => (
                <TextLink href={`${BASE}/${r.id}`} className="font-medium break-words">
                  {r.name}
                </TextLink>
              ),
            },
            { key: "slug", ...sortable("slug", t("slug")), cell: (r) => <span className="break-all">{r.slug}</span> },
            { key: "building", ...sortable("building", t("building")), cell: (r) => <span className="break-words">{r.building.name}</span> },
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
      )}
      <Pagination basePath={BASE} params={params} {...list} />
    </>
  )
}
