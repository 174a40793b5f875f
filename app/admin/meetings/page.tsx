import type { Metadata } from "next"
import { getFormatter, getTranslations } from "next-intl/server"

import { parseListParams, type RawSearchParams } from "@/lib/lists/list-params"
import { listAdminMeetings, type AdminMeetingRow } from "@/lib/meetings/list-admin-meetings"
import { ADMIN_MEETING_SORTS, adminMeetingsParamsSchema, MEETING_STATES } from "@/lib/meetings/schemas"

import { ListToolbar } from "@/components/admin/list-toolbar"
import { Pagination } from "@/components/admin/pagination"
import { ariaSort, SortHeader } from "@/components/admin/sort-header"
import { Badge } from "@/components/ui/badge"
import { DataTable, type Column } from "@/components/ui/data-table"
import { EmptyState } from "@/components/ui/empty-state"
import { TextLink } from "@/components/ui/link-button"
import { PageHeader } from "@/components/ui/page-header"

import { requirePageRole } from "@/app/_lib/guards"

export const dynamic = "force-dynamic"

const BASE = "/admin/meetings"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminMeetings"))("title") }
}

export default async function AdminMeetingsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageRole("admin", BASE)
  const params = parseListParams(adminMeetingsParamsSchema, await searchParams)
  const [t, tk, format, list] = await Promise.all([getTranslations("adminMeetings"), getTranslations("adminToolkit"), getFormatter(), listAdminMeetings(params)])
  const date = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" })
  const sortable = (column: (typeof ADMIN_MEETING_SORTS)[number], label: string): Pick<Column<AdminMeetingRow>, "header" | "label" | "sort"> => ({
    header: <SortHeader basePath={BASE} params={params} column={column} label={label} firstDir={column === "name" ? "asc" : "desc"} />,
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
          { kind: "select", name: "state", label: t("state"), anyLabel: tk("any"), options: MEETING_STATES.map((s) => ({ value: s, label: t(s) })) },
          { kind: "select", name: "recorded", label: t("recorded"), anyLabel: tk("any"), options: [{ value: "yes", label: tk("yes") }, { value: "no", label: tk("no") }] },
          { kind: "date", name: "from", label: t("from") },
          { kind: "date", name: "to", label: t("to") },
        ]}
        sorts={ADMIN_MEETING_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
      />
      {list.total === 0 ? (
        <EmptyState title={tk("noResults")} testId="no-meetings">
          {tk("noResultsHelp")}
        </EmptyState>
      ) : (
        <DataTable<AdminMeetingRow>
          caption={t("caption")}
          rows={list.rows}
          rowKey={(r) => r.id}
          rowTestId={(r) => `admin-meeting-${r.id}`}
          columns={[
            { key: "id", ...sortable("id", t("id")), cell: (r) => `#${r.id}` },
            { key: "sessionDate", ...sortable("sessionDate", t("sessionDate")), cell: (r) => date(r.sessionDate) },
            {
              key: "name",
              ...sortable("name", t("name")),
              rowHeader: true,
              className: "md:w-1/4",
              cell: (r) => (
                <>
                  <TextLink href={`${BASE}/${r.id}`} className="break-words">
                    {r.name}
                  </TextLink>
                  {r.isBreakout && (
                    <span className="ml-2">
                      <Badge tone="neutral">{t("breakout")}</Badge>
                    </span>
                  )}
                </>
              ),
            },
            { key: "meetingId", header: t("meetingId"), className: "md:w-1/5", cell: (r) => <span className="break-all">{r.meetingId}</span> },
            { key: "state", header: t("state"), cell: (r) => <Badge tone={r.endedAt ? "neutral" : "success"}>{r.endedAt ? t("ended") : t("running")}</Badge> },
            { key: "recorded", header: t("recorded"), cell: (r) => (r.recorded ? tk("yes") : tk("no")) },
            { key: "participants", header: t("participants"), cell: (r) => t("participantCount", { participants: r.participantCount, moderators: r.moderatorCount }) },
            { key: "lastSeen", ...sortable("lastSeenRunningAt", t("lastSeen")), cell: (r) => date(r.lastSeenRunningAt) },
          ]}
        />
      )}
      <Pagination basePath={BASE} params={params} {...list} />
    </>
  )
}
