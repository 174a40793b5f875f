import { getTranslations } from "next-intl/server"

import { renderCsvColumns, type CsvColumn } from "@/lib/lists/csv"
import { parseListParams } from "@/lib/lists/list-params"
import type { AdminBroadcaster } from "@/lib/broadcasters/broadcaster-fields"
import { listAdminBroadcasters } from "@/lib/broadcasters/list-admin-broadcasters"
import { adminBroadcastersParamsSchema } from "@/lib/broadcasters/schemas"
import { getEnv } from "@/lib/config/env"

import { csvResponse } from "@/app/_lib/csv-response"
import { route } from "@/app/_lib/adapters"

/** The broadcasters the list's filters keep (every page), as CSV. */
export const GET = route({ access: "admin" }, async ({ request }) => {
  const params = parseListParams(adminBroadcastersParamsSchema, new URL(request.url).searchParams)
  const [t, tk, list] = await Promise.all([getTranslations("adminBroadcasters"), getTranslations("adminToolkit"), listAdminBroadcasters(params, { all: true })])
  const yesNo = (value: boolean) => (value ? tk("yes") : tk("no"))
  const columns: CsvColumn<AdminBroadcaster>[] = [
    { header: t("id"), value: (r) => r.id },
    { header: t("name"), value: (r) => r.name },
    { header: t("slug"), value: (r) => r.slug },
    { header: t("building"), value: (r) => r.building.name },
    { header: t("hlsUrl"), value: (r) => r.hlsUrl },
    { header: t("onAir"), value: (r) => yesNo(r.isOnAir) },
    { header: t("isRestricted"), value: (r) => yesNo(r.isRestricted) },
    { header: t("isPublic"), value: (r) => yesNo(r.isPublic) },
  ]
  return csvResponse("broadcasters", renderCsvColumns(columns, list.rows, { timeZone: getEnv().TZ }))
})
