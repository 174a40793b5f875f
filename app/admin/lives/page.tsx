import type { Metadata } from "next"
import { getFormatter, getTranslations } from "next-intl/server"

import { parseListParams, type RawSearchParams } from "@/lib/lists/list-params"
import { listAdminLives, listLiveServers, type AdminLiveRow } from "@/lib/lives/list-admin-lives"
import { ADMIN_LIVE_SORTS, adminLivesParamsSchema, LIVE_STATUSES } from "@/lib/lives/schemas"

import { ListToolbar } from "@/components/admin/list-toolbar"
import { Pagination } from "@/components/admin/pagination"
import { ariaSort, SortHeader } from "@/components/admin/sort-header"
import { AutoRefresh } from "@/components/layout/auto-refresh"
import { DataTable, type Column } from "@/components/ui/data-table"
import { EmptyState } from "@/components/ui/empty-state"
import { FlashNotice } from "@/components/ui/flash-notice"
import { TextLink } from "@/components/ui/link-button"
import { LiveStatusBadge } from "@/components/ui/live-status-badge"
import { PageHeader } from "@/components/ui/page-header"

import { readFlashMessage } from "@/app/_lib/flash"
import { requirePageRole } from "@/app/_lib/guards"

import { LiveOptions } from "./_components/live-options"

export const dynamic = "force-dynamic"

const BASE = "/admin/lives"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminLives"))("title") }
}

export default async function AdminLivesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageRole("admin", BASE)
  const params = parseListParams(adminLivesParamsSchema, await searchParams)
  const [t, tk, tBadge, tFailure, tEnd, format, list, servers, flash] = await Promise.all([
    getTranslations("adminLives"),
    getTranslations("adminToolkit"),
    getTranslations("liveBadge"),
    getTranslations("liveFailure"),
    getTranslations("liveEnd"),
    getFormatter(),
    listAdminLives(params),
    listLiveServers(),
    readFlashMessage(),
  ])
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short" }) : <span className="text-slate-500">—</span>)
  const sortable = (column: (typeof ADMIN_LIVE_SORTS)[number], label: string): Pick<Column<AdminLiveRow>, "header" | "label" | "sort"> => ({
    header: <SortHeader basePath={BASE} params={params} column={column} label={label} firstDir={column === "id" || column.endsWith("At") ? "desc" : "asc"} />,
    label,
    sort: ariaSort(params, column),
  })
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <FlashNotice flash={flash} />
      <ListToolbar
        basePath={BASE}
        params={params}
        csvPath={`${BASE}/export`}
        search={{ label: t("search"), placeholder: t("searchPlaceholder") }}
        filters={[
          { kind: "select", name: "status", label: t("status"), anyLabel: tk("any"), options: LIVE_STATUSES.map((s) => ({ value: s, label: tBadge(s) })) },
          { kind: "select", name: "server", label: t("server"), anyLabel: tk("any"), options: servers.map((n) => ({ value: String(n), label: t("serverNumber", { n }) })) },
          { kind: "date", name: "from", label: t("from") },
          { kind: "date", name: "to", label: t("to") },
        ]}
        sorts={ADMIN_LIVE_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
      />
      {list.total === 0 ? (
        <EmptyState title={tk("noResults")} testId="no-lives">
          {tk("noResultsHelp")}
        </EmptyState>
      ) : (
        <DataTable<AdminLiveRow>
          caption={t("caption")}
          rows={list.rows}
          rowKey={(r) => r.id}
          rowTestId={(r) => `admin-live-${r.id}`}
          columns={[
            { key: "id", ...sortable("id", t("id")), cell: (r) => <TextLink href={`${BASE}/${r.id}`} aria-label={t("open", { id: r.id })}>{`#${r.id}`}</TextLink> },
            {
              key: "session",
              ...sortable("meeting", t("session")),
              rowHeader: true,
              className: "md:w-1/5",
              cell: (r) => (
                <>
                  <TextLink href={`/admin/meetings/${r.meeting.id}`} className="break-words">
                    {r.meeting.name}
                  </TextLink>
                  <span className="block text-xs break-all text-slate-600">{r.meeting.meetingId}</span>
                </>
              ),
            },
            {
              key: "status",
              ...sortable("status", t("status")),
              cell: (r) => (
                <>
                  <LiveStatusBadge status={r.status} testId="admin-live-status" />
                  {r.failureReason && <span className="mt-1 block text-xs text-red-800">{tFailure.has(r.failureReason) ? tFailure(r.failureReason) : tFailure("unknown")}</span>}
                  {!r.failureReason && r.stopReason && tEnd.has(r.stopReason) && <span className="mt-1 block text-xs text-slate-600">{tEnd(r.stopReason)}</span>}
                </>
              ),
            },
            { key: "startedAt", ...sortable("startedAt", t("startedAt")), cell: (r) => date(r.startedAt) },
            { key: "endedAt", ...sortable("endedAt", t("endedAt")), cell: (r) => date(r.endedAt) },
            { key: "options", header: t("options"), cell: (r) => <LiveOptions live={r} /> },
            { key: "server", header: t("server"), cell: (r) => r.serverLabel ?? <span className="text-slate-500">—</span> },
            {
              key: "user",
              ...sortable("user", t("user")),
              cell: (r) => (
                <>
                  <span className="block break-words">{r.requestedBy.name}</span>
                  <span className="block text-xs break-all text-slate-600">{r.requestedBy.username}</span>
                </>
              ),
            },
            { key: "broadcaster", header: t("broadcaster"), className: "md:w-1/6", cell: (r) => (r.broadcaster ? <span className="break-words">{r.broadcaster.name}</span> : <span className="text-slate-500">—</span>) },
          ]}
        />
      )}
      <Pagination basePath={BASE} params={params} {...list} />
      {/* Statuses move on by themselves (starting, running, ended): the list follows the change feed. */}
      <AutoRefresh />
    </>
  )
}
