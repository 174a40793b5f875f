import type { Metadata } from "next"
import { getFormatter, getTranslations } from "next-intl/server"

import { parseListParams, type RawSearchParams } from "@/lib/lists/list-params"
import type { AdminUser } from "@/lib/users/admin-user-fields"
import { listAdminUsers } from "@/lib/users/list-admin-users"
import { adminUsersParamsSchema, roleSchema } from "@/lib/users/schemas"

import { ListToolbar } from "@/components/admin/list-toolbar"
import { Pagination } from "@/components/admin/pagination"
import { ariaSort, SortHeader } from "@/components/admin/sort-header"
import { Badge } from "@/components/ui/badge"
import { DataTable } from "@/components/ui/data-table"
import { EmptyState } from "@/components/ui/empty-state"
import { LinkButton, TextLink } from "@/components/ui/link-button"
import { PageHeader } from "@/components/ui/page-header"

import { requirePageRole } from "@/app/_lib/guards"

export const dynamic = "force-dynamic"

const BASE = "/admin/users"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminUsers"))("title") }
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageRole("admin", BASE)
  const params = parseListParams(adminUsersParamsSchema, await searchParams)
  const [t, tAdmin, tk, format, list] = await Promise.all([
    getTranslations("adminUsers"),
    getTranslations("admin"),
    getTranslations("adminToolkit"),
    getFormatter(),
    listAdminUsers(params),
  ])
  const sortable = (column: string, label: string) => ({
    header: <SortHeader basePath={BASE} params={params} column={column} label={label} />,
    label,
    sort: ariaSort(params, column),
  })
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} back={{ href: "/admin", label: tAdmin("title") }}>
        <LinkButton href="/admin/users/new" className="mt-4">
          {t("new")}
        </LinkButton>
      </PageHeader>
      <ListToolbar
        basePath={BASE}
        params={params}
        search={{ label: t("search") }}
        filters={[
          { kind: "select", name: "role", label: t("role"), anyLabel: tk("any"), options: roleSchema.options.map((r) => ({ value: r, label: t(`roles.${r}`) })) },
          {
            kind: "select",
            name: "status",
            label: t("status"),
            anyLabel: tk("any"),
            options: (["active", "inactive"] as const).map((s) => ({ value: s, label: t(`statuses.${s}`) })),
          },
        ]}
        sorts={[
          { value: "name", label: t("name") },
          { value: "username", label: t("username") },
          { value: "role", label: t("role") },
          { value: "createdAt", label: t("createdAt") },
          { value: "id", label: t("id") },
        ]}
        csvPath={`${BASE}/export`}
      />
      {list.total === 0 ? (
        <EmptyState title={tk("noResults")} testId="no-users">
          {tk("noResultsHelp")}
        </EmptyState>
      ) : (
        <DataTable<AdminUser>
          caption={t("caption")}
          rows={list.rows}
          rowKey={(r) => r.id}
          rowTestId={(r) => `user-${r.id}`}
          columns={[
            { key: "id", ...sortable("id", t("id")), className: "md:w-16", cell: (r) => <span className="tabular-nums">{r.id}</span> },
            {
              key: "name",
              ...sortable("name", t("name")),
              rowHeader: true,
              cell: (r) => (
                <>
                  <TextLink href={`${BASE}/${r.id}`} className="font-medium break-words">
                    {r.firstName} {r.lastName}
                  </TextLink>
                  <span className="block break-all text-slate-600">{r.email}</span>
                </>
              ),
            },
            { key: "username", ...sortable("username", t("username")), cell: (r) => <span className="break-all">{r.username}</span> },
            { key: "role", ...sortable("role", t("role")), cell: (r) => t(`roles.${r.role}`) },
            { key: "externalId", header: t("externalId"), cell: (r) => <span className="break-all">{r.externalId ?? "—"}</span> },
            {
              key: "status",
              header: t("status"),
              cell: (r) => <Badge tone={r.isActive ? "success" : "neutral"}>{t(`statuses.${r.isActive ? "active" : "inactive"}`)}</Badge>,
            },
            { key: "createdAt", ...sortable("createdAt", t("createdAt")), cell: (r) => format.dateTime(r.createdAt, { dateStyle: "medium" }) },
          ]}
        />
      )}
      <Pagination basePath={BASE} params={params} {...list} />
    </>
  )
}
