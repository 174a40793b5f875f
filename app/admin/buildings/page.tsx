import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"

import { parseListParams, type RawSearchParams } from "@/lib/lists/list-params"
import { listAdminBuildings, type AdminBuilding } from "@/lib/broadcasters/list-admin-buildings"
import { adminBuildingsParamsSchema } from "@/lib/broadcasters/schemas"

import { ListToolbar } from "@/components/admin/list-toolbar"
import { Pagination } from "@/components/admin/pagination"
import { ariaSort, SortHeader } from "@/components/admin/sort-header"
import { DataTable } from "@/components/ui/data-table"
import { EmptyState } from "@/components/ui/empty-state"
import { FlashNotice } from "@/components/ui/flash-notice"
import { LinkButton, TextLink } from "@/components/ui/link-button"
import { PageHeader } from "@/components/ui/page-header"

import { readFlashMessage } from "@/app/_lib/flash"
import { requirePageRole } from "@/app/_lib/guards"

export const dynamic = "force-dynamic"

const BASE = "/admin/buildings"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminBuildings"))("title") }
}

export default async function AdminBuildingsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageRole("admin", BASE)
  const params = parseListParams(adminBuildingsParamsSchema, await searchParams)
  const [t, tAdmin, tk, list, flash] = await Promise.all([
    getTranslations("adminBuildings"),
    getTranslations("admin"),
    getTranslations("adminToolkit"),
    listAdminBuildings(params),
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
          <LinkButton href="/admin/broadcasters" variant="secondary">
            {t("broadcasters")}
          </LinkButton>
        </div>
      </PageHeader>
      <FlashNotice flash={flash} />
      <ListToolbar
        basePath={BASE}
        params={params}
        search={{ label: t("search") }}
        sorts={[
          { value: "name", label: t("name") },
          { value: "broadcasters", label: t("broadcasterCount") },
          { value: "id", label: t("id") },
        ]}
        csvPath={`${BASE}/export`}
      />
      {list.total === 0 ? (
        <EmptyState title={tk("noResults")} testId="no-buildings">
          {tk("noResultsHelp")}
        </EmptyState>
      ) : (
        <DataTable<AdminBuilding>
          caption={t("caption")}
          rows={list.rows}
          rowKey={(r) => r.id}
          rowTestId={(r) => `building-${r.id}`}
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
            {
              key: "broadcasters",
              ...sortable("broadcasters", t("broadcasterCount")),
              cell: (r) => (
                <TextLink href={`/admin/broadcasters?buildingId=${r.id}`}>{t("broadcasterCountValue", { count: r.broadcasterCount })}</TextLink>
              ),
            },
          ]}
        />
      )}
      <Pagination basePath={BASE} params={params} {...list} />
    </>
  )
}
