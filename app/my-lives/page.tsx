import { getFormatter, getTranslations } from "next-intl/server"

import { listMyLives, type MyLiveRow } from "@/lib/audience/list-my-lives"
import { myLivesParamsSchema, periodError } from "@/lib/audience/schemas"
import { parseListParams, type RawSearchParams } from "@/lib/lists/list-params"

import { ListToolbar } from "@/components/admin/list-toolbar"
import { Pagination } from "@/components/admin/pagination"
import { formatDuration, liveDurationSeconds, LiveStatusWithReason } from "@/components/audience/live-summary"
import { DataTable } from "@/components/ui/data-table"
import { EmptyState } from "@/components/ui/empty-state"
import { TextLink } from "@/components/ui/link-button"
import { Notice } from "@/components/ui/notice"
import { PageHeader } from "@/components/ui/page-header"

import { requirePageRole } from "@/app/_lib/guards"
import { titleMetadata } from "@/app/_lib/title-metadata"

export const dynamic = "force-dynamic"

const BASE = "/my-lives"

export const generateMetadata = titleMetadata("myLives")

/** « Mes directs »: the lives the teacher requested or moderated, with their audience. */
export default async function MyLivesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePageRole("teacher", BASE)
  const params = parseListParams(myLivesParamsSchema, await searchParams)
  const error = periodError(params)
  const [t, format, list] = await Promise.all([getTranslations("myLives"), getFormatter(), listMyLives(user.id, params)])
  const none = <span className="text-slate-500">—</span>
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <ListToolbar
        basePath={BASE}
        params={params}
        filters={[
          { kind: "date", name: "from", label: t("from") },
          { kind: "date", name: "to", label: t("to") },
        ]}
        sorts={[{ value: "requestedAt", label: t("date") }]}
      />
      {error && (
        <Notice tone="error" live={false}>
          <p data-testid="period-error">{t(`periodError.${error}`)}</p>
        </Notice>
      )}
      {list.total === 0 ? (
        <EmptyState title={t("none")} testId="no-my-lives">
          {t("noneHelp")}
        </EmptyState>
      ) : (
        <DataTable<MyLiveRow>
          caption={t("caption")}
          rows={list.rows}
          rowKey={(r) => r.id}
          rowTestId={(r) => `my-live-${r.id}`}
          columns={[
            { key: "date", header: t("date"), cell: (r) => format.dateTime(r.startedAt ?? r.requestedAt, "dateTime") },
            {
              key: "session",
              header: t("session"),
              rowHeader: true,
              className: "md:w-1/4",
              cell: (r) => (
                <TextLink href={`${BASE}/${r.id}`} className="font-medium break-words">
                  {r.meetingName}
                </TextLink>
              ),
            },
            { key: "duration", header: t("duration"), cell: (r) => { const d = liveDurationSeconds(r); return d === null ? none : formatDuration(d) } },
            { key: "status", header: t("status"), cell: (r) => <LiveStatusWithReason live={r} /> },
            { key: "peak", header: t("peak"), cell: (r) => <span className="tabular-nums" data-testid="my-live-peak">{r.peakViewers}</span> },
            { key: "distinct", header: t("distinct"), cell: (r) => <span className="tabular-nums">{r.distinctViewers}</span> },
            { key: "watch", header: t("watchTime"), cell: (r) => formatDuration(r.watchSeconds) },
            { key: "chat", header: t("chatMessages"), cell: (r) => <span className="tabular-nums">{r.chatMessages}</span> },
          ]}
        />
      )}
      <Pagination basePath={BASE} params={params} {...list} />
    </>
  )
}
