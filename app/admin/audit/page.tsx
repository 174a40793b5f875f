import { getFormatter, getTranslations } from "next-intl/server"

import type { RawSearchParams } from "@/lib/lists/list-params"
import { listAuditEntityTypes, listAuditEntries, type AuditEntryRow } from "@/lib/audit/list-audit-entries"
import { auditEntriesParamsSchema } from "@/lib/audit/schemas"

import { AdminList } from "@/components/admin/admin-list"
import { PageHeader } from "@/components/ui/page-header"

import { titleMetadata } from "@/app/_lib/title-metadata"
import { readAdminListParams } from "@/app/admin/_lib/page-params"

import { AuditChanges, auditSentence } from "./_components/audit-changes"

export const dynamic = "force-dynamic"

const BASE = "/admin/audit"

export const generateMetadata = titleMetadata("adminAudit")

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await readAdminListParams(BASE, auditEntriesParamsSchema, searchParams)
  const [t, tk, format, list, entityTypes] = await Promise.all([
    getTranslations("adminAudit"),
    getTranslations("adminToolkit"),
    getFormatter(),
    listAuditEntries(params),
    listAuditEntityTypes(),
  ])
  const sentences = new Map(await Promise.all(list.rows.map(async (r) => [r.id, await auditSentence(r)] as const)))
  // Types the catalogue knows read as words ("Direct"); a new one shows as logged until it is added.
  const typeLabel = (type: string) => (t.has(`entityTypes.${type}`) ? t(`entityTypes.${type}` as "entityTypes.live") : type)
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <AdminList<AuditEntryRow>
        basePath={BASE}
        params={params}
        toolbar={{
          search: { label: t("search"), placeholder: t("searchPlaceholder") },
          filters: [
            { kind: "select", name: "entityType", label: t("entityType"), anyLabel: tk("any"), options: entityTypes.map((e) => ({ value: e, label: typeLabel(e) })) },
            { kind: "date", name: "from", label: t("from") },
            { kind: "date", name: "to", label: t("to") },
          ],
          sorts: [
            { value: "createdAt", label: t("createdAt") },
            { value: "action", label: t("action") },
            { value: "actorName", label: t("actor") },
          ],
        }}
        firstDir={(column) => (column === "createdAt" ? "desc" : "asc")}
        empty={params.q || params.entityType || params.from || params.to ? { testId: "no-audit-entries" } : { testId: "no-audit-entries", title: t("empty"), help: null }}
        list={list}
        caption={t("caption")}
        rowTestId={(r) => `audit-${r.id}`}
        columns={[
          { key: "createdAt", header: t("createdAt"), sortBy: "createdAt", cell: (r) => format.dateTime(r.createdAt, "dateTimeSeconds") },
          { key: "action", header: t("action"), sortBy: "action", rowHeader: true, cell: (r) => <span className="[overflow-wrap:anywhere]">{sentences.get(r.id)}</span> },
          { key: "changes", header: t("changes"), className: "md:w-2/5", cell: (r) => <AuditChanges before={r.before} after={r.after} /> },
        ]}
      />
    </>
  )
}
