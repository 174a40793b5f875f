import type { Metadata } from "next"
import { getFormatter, getTranslations } from "next-intl/server"

import { parseListParams, type RawSearchParams } from "@/lib/lists/list-params"
import { listAuditEntityTypes, listAuditEntries, type AuditEntryRow } from "@/lib/audit/list-audit-entries"
import { auditEntriesParamsSchema } from "@/lib/audit/schemas"

import { ListToolbar } from "@/components/admin/list-toolbar"
import { Pagination } from "@/components/admin/pagination"
import { ariaSort, SortHeader } from "@/components/admin/sort-header"
import { DataTable } from "@/components/ui/data-table"
import { EmptyState } from "@/components/ui/empty-state"
import { PageHeader } from "@/components/ui/page-header"

import { requirePageRole } from "@/app/_lib/guards"

import { AuditChanges } from "./_components/audit-changes"

export const dynamic = "force-dynamic"

const BASE = "/admin/audit"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminAudit"))("title") }
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageRole("admin", BASE)
  const params = parseListParams(auditEntriesParamsSchema, await searchParams)
  const [t, tk, format, list, entityTypes] = await Promise.all([
    getTranslations("adminAudit"),
    getTranslations("adminToolkit"),
    getFormatter(),
    listAuditEntries(params),
    listAuditEntityTypes(),
  ])
  // Types the catalogue knows read as words ("Direct"); a new one shows as logged until it is added.
  const typeLabel = (type: string) => (t.has(`entityTypes.${type}`) ? t(`entityTypes.${type}` as "entityTypes.live") : type)
  const sortable = (column: "createdAt" | "action" | "actorName", label: string) => ({
    header: <SortHeader basePath={BASE} params={params} column={column} label={label} firstDir={column === "createdAt" ? "desc" : "asc"} />,
    label,
    sort: ariaSort(params, column),
  })
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <ListToolbar
        basePath={BASE}
        params={params}
        csvPath={`${BASE}/export`}
        search={{ label: t("search"), placeholder: t("searchPlaceholder") }}
        filters={[
          { kind: "select", name: "entityType", label: t("entityType"), anyLabel: tk("any"), options: entityTypes.map((e) => ({ value: e, label: typeLabel(e) })) },
          { kind: "date", name: "from", label: t("from") },
          { kind: "date", name: "to", label: t("to") },
        ]}
        sorts={[
          { value: "createdAt", label: t("createdAt") },
          { value: "action", label: t("action") },
          { value: "actorName", label: t("actor") },
        ]}
      />
      {list.total === 0 ? (
        <EmptyState title={params.q || params.entityType || params.from || params.to ? tk("noResults") : t("empty")} testId="no-audit-entries">
          {params.q || params.entityType || params.from || params.to ? tk("noResultsHelp") : null}
        </EmptyState>
      ) : (
        <DataTable<AuditEntryRow>
          caption={t("caption")}
          rows={list.rows}
          rowKey={(r) => r.id}
          rowTestId={(r) => `audit-${r.id}`}
          columns={[
            { key: "createdAt", ...sortable("createdAt", t("createdAt")), cell: (r) => format.dateTime(r.createdAt, { dateStyle: "short", timeStyle: "medium" }) },
            { key: "actor", ...sortable("actorName", t("actor")), cell: (r) => <span className="break-words">{r.actorName}</span> },
            { key: "action", ...sortable("action", t("action")), rowHeader: true, cell: (r) => <code className="text-xs break-all">{r.action}</code> },
            { key: "entity", header: t("entity"), cell: (r) => <span className="break-all">{`${typeLabel(r.entityType)} #${r.entityId}`}</span> },
            { key: "changes", header: t("changes"), className: "md:w-2/5", cell: (r) => <AuditChanges before={r.before} after={r.after} /> },
          ]}
        />
      )}
      <Pagination basePath={BASE} params={params} {...list} />
    </>
  )
}
