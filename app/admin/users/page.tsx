import { getFormatter, getTranslations } from "next-intl/server"

import type { RawSearchParams } from "@/lib/lists/list-params"
import type { AdminUser } from "@/lib/users/admin-user-fields"
import { listAdminUsers } from "@/lib/users/list-admin-users"
import { adminUsersParamsSchema, roleSchema } from "@/lib/users/schemas"

import { AdminList, idColumn, nameColumn } from "@/components/admin/admin-list"
import { Badge } from "@/components/ui/badge"
import { LongText } from "@/components/ui/long-text"
import { LinkButton } from "@/components/ui/link-button"
import { PageHeader } from "@/components/ui/page-header"

import { titleMetadata } from "@/app/_lib/title-metadata"
import { readAdminListParams } from "@/app/admin/_lib/page-params"

export const dynamic = "force-dynamic"

const BASE = "/admin/users"

export const generateMetadata = titleMetadata("adminUsers")

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await readAdminListParams(BASE, adminUsersParamsSchema, searchParams)
  const [t, tAdmin, tk, format, list] = await Promise.all([
    getTranslations("adminUsers"),
    getTranslations("admin"),
    getTranslations("adminToolkit"),
    getFormatter(),
    listAdminUsers(params),
  ])
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} back={{ href: "/admin", label: tAdmin("title") }}>
        <LinkButton href="/admin/users/new" className="mt-4">
          {t("new")}
        </LinkButton>
      </PageHeader>
      <AdminList<AdminUser>
        basePath={BASE}
        params={params}
        toolbar={{
          search: { label: t("search") },
          filters: [
            { kind: "select", name: "role", label: t("role"), anyLabel: tk("any"), options: roleSchema.options.map((r) => ({ value: r, label: t(`roles.${r}`) })) },
            {
              kind: "select",
              name: "status",
              label: t("status"),
              anyLabel: tk("any"),
              options: (["active", "inactive"] as const).map((s) => ({ value: s, label: t(`statuses.${s}`) })),
            },
          ],
          sorts: [
            { value: "name", label: t("name") },
            { value: "username", label: t("username") },
            { value: "role", label: t("role") },
            { value: "createdAt", label: t("createdAt") },
            { value: "id", label: t("id") },
          ],
        }}
        empty={{ testId: "no-users" }}
        list={list}
        caption={t("caption")}
        rowTestId={(r) => `user-${r.id}`}
        columns={[
          idColumn(t("id")),
          nameColumn(
            t("name"),
            (r) => `${BASE}/${r.id}`,
            (r) => `${r.firstName} ${r.lastName}`,
            (r) => <LongText text={r.email} className="block text-slate-600" />,
          ),
          { key: "username", header: t("username"), sortBy: "username", cell: (r) => <LongText text={r.username} /> },
          { key: "role", header: t("role"), sortBy: "role", cell: (r) => t(`roles.${r.role}`) },
          { key: "externalId", header: t("externalId"), cell: (r) => (r.externalId ? <LongText text={r.externalId} /> : "—") },
          {
            key: "status",
            header: t("status"),
            cell: (r) => <Badge tone={r.isActive ? "success" : "neutral"}>{t(`statuses.${r.isActive ? "active" : "inactive"}`)}</Badge>,
          },
          { key: "createdAt", header: t("createdAt"), sortBy: "createdAt", cell: (r) => format.dateTime(r.createdAt, "date") },
        ]}
      />
    </>
  )
}
