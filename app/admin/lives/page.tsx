import { getFormatter, getTranslations } from "next-intl/server"

import type { RawSearchParams } from "@/lib/lists/list-params"
import { listAdminLives, listLiveServers, type AdminLiveRow } from "@/lib/lives/list-admin-lives"
import { ADMIN_LIVE_SORTS, adminLivesParamsSchema, LIVE_STATUSES } from "@/lib/lives/schemas"

import { AdminList } from "@/components/admin/admin-list"
import { AutoRefresh } from "@/components/layout/auto-refresh"
import { FlashNotice } from "@/components/ui/flash-notice"
import { TextLink } from "@/components/ui/link-button"
import { LiveStatusBadge } from "@/components/ui/live-status-badge"
import { PageHeader } from "@/components/ui/page-header"

import { readFlashMessage } from "@/app/_lib/flash"
import { titleMetadata } from "@/app/_lib/title-metadata"
import { readAdminListParams } from "@/app/admin/_lib/page-params"

import { LiveOptions } from "./_components/live-options"

export const dynamic = "force-dynamic"

const BASE = "/admin/lives"

export const generateMetadata = titleMetadata("adminLives")

export default async function AdminLivesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await readAdminListParams(BASE, adminLivesParamsSchema, searchParams)
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
  const date = (d: Date | null) => (d ? format.dateTime(d, "dateTime") : <span className="text-slate-500">—</span>)
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <FlashNotice flash={flash} />
      <AdminList<AdminLiveRow, (typeof ADMIN_LIVE_SORTS)[number]>
        basePath={BASE}
        params={params}
        toolbar={{
          search: { label: t("search"), placeholder: t("searchPlaceholder") },
          filters: [
            { kind: "select", name: "status", label: t("status"), anyLabel: tk("any"), options: LIVE_STATUSES.map((s) => ({ value: s, label: tBadge(s) })) },
            { kind: "select", name: "server", label: t("server"), anyLabel: tk("any"), options: servers.map((n) => ({ value: String(n), label: t("serverNumber", { n }) })) },
            { kind: "date", name: "from", label: t("from") },
            { kind: "date", name: "to", label: t("to") },
          ],
          sorts: ADMIN_LIVE_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) })),
        }}
        firstDir={(column) => (column === "id" || column.endsWith("At") ? "desc" : "asc")}
        empty={{ testId: "no-lives" }}
        list={list}
        caption={t("caption")}
        rowTestId={(r) => `admin-live-${r.id}`}
        columns={[
          { key: "id", header: t("id"), sortBy: "id", cell: (r) => <TextLink href={`${BASE}/${r.id}`} aria-label={t("open", { id: r.id })}>{`#${r.id}`}</TextLink> },
          {
            key: "session",
            header: t("session"),
            sortBy: "meeting",
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
            header: t("status"),
            sortBy: "status",
            cell: (r) => (
              <>
                <LiveStatusBadge status={r.status} testId="admin-live-status" />
                {r.failureReason && <span className="mt-1 block text-xs text-red-800">{tFailure.has(r.failureReason) ? tFailure(r.failureReason) : tFailure("unknown")}</span>}
                {!r.failureReason && r.stopReason && tEnd.has(r.stopReason) && <span className="mt-1 block text-xs text-slate-600">{tEnd(r.stopReason)}</span>}
              </>
            ),
          },
          { key: "startedAt", header: t("startedAt"), sortBy: "startedAt", cell: (r) => date(r.startedAt) },
          { key: "endedAt", header: t("endedAt"), sortBy: "endedAt", cell: (r) => date(r.endedAt) },
          { key: "options", header: t("options"), cell: (r) => <LiveOptions live={r} /> },
          { key: "server", header: t("server"), cell: (r) => r.serverLabel ?? <span className="text-slate-500">—</span> },
          {
            key: "user",
            header: t("user"),
            sortBy: "user",
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
      {/* Statuses move on by themselves (starting, running, ended): the list follows the change feed. */}
      <AutoRefresh />
    </>
  )
}
