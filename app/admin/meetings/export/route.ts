import { getTranslations } from "next-intl/server"

import { renderCsvColumns, type CsvColumn } from "@/lib/lists/csv"
import { parseListParams } from "@/lib/lists/list-params"
import { listAdminMeetings, type AdminMeetingRow } from "@/lib/meetings/list-admin-meetings"
import { adminMeetingsParamsSchema } from "@/lib/meetings/schemas"
import { getEnv } from "@/lib/config/env"

import { route } from "@/app/_lib/adapters"
import { csvResponse } from "@/app/_lib/csv-response"

/** The CSV of the admin list of sessions: every row the list's filters keep. */
export const GET = route({ access: "admin" }, async ({ request }) => {
  const params = parseListParams(adminMeetingsParamsSchema, new URL(request.url).searchParams)
  const [t, { rows }] = await Promise.all([getTranslations("adminMeetings"), listAdminMeetings(params, { all: true })])
  const columns: CsvColumn<AdminMeetingRow>[] = [
    { header: t("id"), value: (r) => r.id },
    { header: t("sessionDate"), value: (r) => r.sessionDate },
    { header: t("name"), value: (r) => r.name },
    { header: t("meetingId"), value: (r) => r.meetingId },
    { header: t("internalMeetingId"), value: (r) => r.internalMeetingId },
    { header: t("state"), value: (r) => (r.endedAt ? t("ended") : t("running")) },
    { header: t("endedAt"), value: (r) => r.endedAt },
    { header: t("recorded"), value: (r) => r.recorded },
    { header: t("breakout"), value: (r) => r.isBreakout },
    { header: t("participants"), value: (r) => r.participantCount },
    { header: t("moderators"), value: (r) => r.moderatorCount },
    { header: t("lastSeen"), value: (r) => r.lastSeenRunningAt },
  ]
  return csvResponse("sessions", renderCsvColumns(columns, rows, { timeZone: getEnv().TZ }))
})
