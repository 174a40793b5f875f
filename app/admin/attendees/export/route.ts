import { getTranslations } from "next-intl/server"

import { renderCsvColumns, type CsvColumn } from "@/lib/lists/csv"
import { parseListParams } from "@/lib/lists/list-params"
import { listAdminAttendees, type AdminAttendeeRow } from "@/lib/meetings/list-admin-attendees"
import { adminAttendeesParamsSchema } from "@/lib/meetings/schemas"
import { getEnv } from "@/lib/config/env"

import { csvResponse } from "@/app/_lib/csv-response"
import { route } from "@/app/_lib/adapters"

/** The participants the list's filters keep (every page), as CSV. */
export const GET = route({ access: "admin" }, async ({ request }) => {
  const params = parseListParams(adminAttendeesParamsSchema, new URL(request.url).searchParams)
  const [t, list] = await Promise.all([getTranslations("adminAttendees"), listAdminAttendees(params, { all: true })])
  const columns: CsvColumn<AdminAttendeeRow>[] = [
    { header: t("id"), value: (r) => r.id },
    { header: t("fullName"), value: (r) => r.fullName },
    { header: t("role"), value: (r) => t(`roles.${r.role}`) },
    { header: t("csv.extUserId"), value: (r) => r.extUserId },
    { header: t("csv.bbbUserId"), value: (r) => r.bbbUserId },
    { header: t("session"), value: (r) => r.meeting.name },
    { header: t("csv.sessionDate"), value: (r) => r.meeting.sessionDate },
    { header: t("csv.account"), value: (r) => r.user?.username },
    { header: t("csv.accountName"), value: (r) => r.user?.name },
    { header: t("state"), value: (r) => t(`states.${r.matchStatus}`) },
  ]
  return csvResponse("participants", renderCsvColumns(columns, list.rows, { timeZone: getEnv().TZ }))
})
