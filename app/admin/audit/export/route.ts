import { getTranslations } from "next-intl/server"

import { renderCsvColumns, type CsvColumn } from "@/lib/lists/csv"
import { parseListParams } from "@/lib/lists/list-params"
import { listAuditEntries, type AuditEntryRow } from "@/lib/audit/list-audit-entries"
import { auditEntriesParamsSchema } from "@/lib/audit/schemas"
import { getEnv } from "@/lib/config/env"

import { route } from "@/app/_lib/adapters"
import { csvResponse } from "@/app/_lib/csv-response"

/** The CSV of the audit log: every entry the page's filters keep, before/after as JSON. */
export const GET = route({ access: "admin" }, async ({ request }) => {
  const params = parseListParams(auditEntriesParamsSchema, new URL(request.url).searchParams)
  const [t, { rows }] = await Promise.all([getTranslations("adminAudit"), listAuditEntries(params, { all: true })])
  const json = (value: AuditEntryRow["before"]) => (value === null ? "" : JSON.stringify(value))
  const columns: CsvColumn<AuditEntryRow>[] = [
    { header: t("createdAt"), value: (r) => r.createdAt },
    { header: t("actor"), value: (r) => r.actorName },
    { header: t("actorId"), value: (r) => r.actorId },
    { header: t("action"), value: (r) => r.action },
    { header: t("entityType"), value: (r) => r.entityType },
    { header: t("entityId"), value: (r) => r.entityId },
    { header: t("entityName"), value: (r) => r.entityName ?? "" },
    { header: t("before"), value: (r) => json(r.before) },
    { header: t("after"), value: (r) => json(r.after) },
  ]
  return csvResponse("audit", renderCsvColumns(columns, rows, { timeZone: getEnv().TZ }))
})
