import { getTranslations } from "next-intl/server"

import type { RawSearchParams } from "@/lib/lists/list-params"
import { listAdminBuildings, type AdminBuilding } from "@/lib/broadcasters/list-admin-buildings"
import { adminBuildingsParamsSchema } from "@/lib/broadcasters/schemas"

import { AdminList, idColumn, nameColumn } from "@/components/admin/admin-list"
import { FlashNotice } from "@/components/ui/flash-notice"
import { LinkButton, TextLink } from "@/components/ui/link-button"
import { PageHeader } from "@/components/ui/page-header"

import { readFlashMessage } from "@/app/_lib/flash"
import { titleMetadata } from "@/app/_lib/title-metadata"
import { readAdminListParams } from "@/app/admin/_lib/page-params"

export const dynamic = "force-dynamic"

const BASE = "/admin/buildings"

export const generateMetadata = titleMetadata("adminBuildings")

export default async function AdminBuildingsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await readAdminListParams(BASE, adminBuildingsParamsSchema, searchParams)
  const [t, tAdmin, list, flash] = await Promise.all([
    getTranslations("adminBuildings"),
    getTranslations("admin"),
    listAdminBuildings(params),
    readFlashMessage(),
  ])
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
      <AdminList<AdminBuilding>
        basePath={BASE}
        params={params}
        toolbar={{
          search: { label: t("search") },
          sorts: [
            { value: "name", label: t("name") },
            { value: "broadcasters", label: t("broadcasterCount") },
            { value: "id", label: t("id") },
          ],
        }}
        empty={{ testId: "no-buildings" }}
        list={list}
        caption={t("caption")}
        rowTestId={(r) => `building-${r.id}`}
        columns={[
          idColumn(t("id")),
          nameColumn(t("name"), (r) => `${BASE}/${r.id}`, (r) => r.name),
          {
            key: "broadcasters",
            header: t("broadcasterCount"),
            sortBy: "broadcasters",
            cell: (r) => <TextLink href={`/admin/broadcasters?buildingId=${r.id}`}>{t("broadcasterCountValue", { count: r.broadcasterCount })}</TextLink>,
          },
        ]}
      />
    </>
  )
}
