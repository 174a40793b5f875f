import { getTranslations } from "next-intl/server"

import { renderCsvColumns, type CsvColumn } from "@/lib/lists/csv"
import { parseListParams } from "@/lib/lists/list-params"
import { listAdminLives, type AdminLiveRow } from "@/lib/lives/list-admin-lives"
import { adminLivesParamsSchema } from "@/lib/lives/schemas"
import { getEnv } from "@/lib/config/env"

import { route } from "@/app/_lib/adapters"
import { csvResponse } from "@/app/_lib/csv-response"

/** The CSV of the admin list of lives: every row the list's filters keep (its URL parameters). */
export const GET = route({ access: "admin" }, async ({ request }) => {
  const params = parseListParams(adminLivesParamsSchema, new URL(request.url).searchParams)
  const [t, tBadge, { rows }] = await Promise.all([getTranslations("adminLives"), getTranslations("liveBadge"), listAdminLives(params, { all: true })])
  const columns: CsvColumn<AdminLiveRow>[] = [
    { header: t("id"), value: (r) => r.id },
    { header: t("session"), value: (r) => r.meeting.name },
    { header: t("meetingId"), value: (r) => r.meeting.meetingId },
    { header: t("requestedAt"), value: (r) => r.requestedAt },
    { header: t("startedAt"), value: (r) => r.startedAt },
    { header: t("endedAt"), value: (r) => r.endedAt },
    { header: t("showChat"), value: (r) => r.showChat },
    { header: t("downloadMeeting"), value: (r) => r.downloadMeeting },
    { header: t("enableChat"), value: (r) => r.enableChat },
    { header: t("isRestricted"), value: (r) => r.isRestricted },
    { header: t("server"), value: (r) => r.serverLabel },
    { header: t("status"), value: (r) => tBadge(r.status) },
    { header: t("user"), value: (r) => r.requestedBy.name },
    { header: t("username"), value: (r) => r.requestedBy.username },
    { header: t("broadcaster"), value: (r) => r.broadcaster?.name },
    { header: t("failureReason"), value: (r) => r.failureReason },
    { header: t("stopReason"), value: (r) => r.stopReason },
  ]
  return csvResponse("lives", renderCsvColumns(columns, rows, { timeZone: getEnv().TZ }))
})
