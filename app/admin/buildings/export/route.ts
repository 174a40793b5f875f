import { getTranslations } from "next-intl/server"

import { renderCsvColumns, type CsvColumn } from "@/lib/lists/csv"
import { parseListParams } from "@/lib/lists/list-params"
import { listAdminBuildings, type AdminBuilding } from "@/lib/broadcasters/list-admin-buildings"
import { adminBuildingsParamsSchema } from "@/lib/broadcasters/schemas"
import { getEnv } from "@/lib/config/env"

import { csvResponse } from "@/app/_lib/csv-response"
import { route } from "@/app/_lib/adapters"

/** The buildings the list's search keeps (every page), as CSV. */
export const GET = route({ access: "admin" }, async ({ request }) => {
  const params = parseListParams(adminBuildingsParamsSchema, new URL(request.url).searchParams)
  const [t, list] = await Promise.all([getTranslations("adminBuildings"), listAdminBuildings(params, { all: true })])
  const columns: CsvColumn<AdminBuilding>[] = [
    { header: t("id"), value: (r) => r.id },
    { header: t("name"), value: (r) => r.name },
    { header: t("broadcasterCount"), value: (r) => r.broadcasterCount },
    { header: t("createdAt"), value: (r) => r.createdAt },
  ]
  return csvResponse("buildings", renderCsvColumns(columns, list.rows, { timeZone: getEnv().TZ }))
})
