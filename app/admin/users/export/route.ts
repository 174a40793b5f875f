import { getTranslations } from "next-intl/server"

import { renderCsvColumns, type CsvColumn } from "@/lib/lists/csv"
import { parseListParams } from "@/lib/lists/list-params"
import type { AdminUser } from "@/lib/users/admin-user-fields"
import { listAdminUsers } from "@/lib/users/list-admin-users"
import { adminUsersParamsSchema } from "@/lib/users/schemas"
import { getEnv } from "@/lib/config/env"

import { csvResponse } from "@/app/_lib/csv-response"
import { route } from "@/app/_lib/adapters"

/** The accounts the list's filters keep (every page), as CSV: never a password or its hash. */
export const GET = route({ access: "admin" }, async ({ request }) => {
  const params = parseListParams(adminUsersParamsSchema, new URL(request.url).searchParams)
  const [t, list] = await Promise.all([getTranslations("adminUsers"), listAdminUsers(params, { all: true })])
  const columns: CsvColumn<AdminUser>[] = [
    { header: t("id"), value: (r) => r.id },
    { header: t("username"), value: (r) => r.username },
    { header: t("email"), value: (r) => r.email },
    { header: t("firstName"), value: (r) => r.firstName },
    { header: t("lastName"), value: (r) => r.lastName },
    { header: t("role"), value: (r) => t(`roles.${r.role}`) },
    { header: t("externalId"), value: (r) => r.externalId },
    { header: t("status"), value: (r) => t(`statuses.${r.isActive ? "active" : "inactive"}`) },
    { header: t("createdAt"), value: (r) => r.createdAt },
  ]
  return csvResponse("users", renderCsvColumns(columns, list.rows, { timeZone: getEnv().TZ }))
})
