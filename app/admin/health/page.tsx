import type { Metadata } from "next"
import { getFormatter, getTranslations } from "next-intl/server"
import type { ReactNode } from "react"

import { getServiceHealth } from "@/lib/health/get-service-health"

import { Badge, type BadgeTone } from "@/components/ui/badge"
import { DataTable } from "@/components/ui/data-table"
import { LinkButton } from "@/components/ui/link-button"
import { Notice, type NoticeTone } from "@/components/ui/notice"
import { PageHeader } from "@/components/ui/page-header"

import { requirePageRole } from "@/app/_lib/guards"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminHealth"))("title") }
}

const STATUS_TONE = { ok: "success", degraded: "warning", down: "error" } as const satisfies Record<string, NoticeTone>

type State = "ok" | "failing" | "unknown" | "check"
const STATE_TONE: Record<State, BadgeTone> = { ok: "success", failing: "danger", unknown: "neutral", check: "warning" }

type Row = { key: string; label: string; state: State; detail: ReactNode }

export default async function ServiceHealthPage() {
  await requirePageRole("admin", "/admin/health")
  const [t, tAdmin, format, health] = await Promise.all([getTranslations("adminHealth"), getTranslations("admin"), getFormatter(), getServiceHealth()])
  const now = new Date(health.checkedAt)
  const when = (iso: string) => format.dateTime(new Date(iso), "dateTimeSeconds")
  const syncLate = health.lastSync !== null && health.lastSync.ageMs > health.staleAfterMs
  const queues = health.queues ? Object.entries(health.queues) : null
  const rows: Row[] = [
    { key: "database", label: t("database"), state: health.postgresql.ok ? "ok" : "failing", detail: health.postgresql.ok ? t("answers") : t("noAnswer") },
    { key: "queue", label: t("queue"), state: health.redis.ok ? "ok" : "failing", detail: health.redis.ok ? t("answers") : t("noAnswer") },
    {
      key: "bbb",
      label: t("bbb"),
      state: !health.bbb ? "unknown" : health.bbb.ok ? "ok" : "failing",
      detail: !health.bbb ? t("bbbUnknown") : health.bbb.ok ? t("bbbOk", { at: when(health.bbb.atIso) }) : t("bbbFailed", { at: when(health.bbb.atIso) }),
    },
    {
      key: "lastSync",
      label: t("lastSync"),
      state: !health.lastSync ? "unknown" : syncLate ? "failing" : "ok",
      detail: !health.lastSync
        ? t("lastSyncNone")
        : [t("lastSyncAgo", { ago: format.relativeTime(new Date(health.lastSync.atIso), now), meetings: health.lastSync.meetings }), syncLate ? t("lastSyncLate", { seconds: Math.round(health.syncIntervalMs / 1000) }) : null]
            .filter(Boolean)
            .join(" — "),
    },
    {
      key: "syncMode",
      label: t("syncMode"),
      state: "ok",
      detail: t(`syncMode_${health.syncMode}`, { seconds: Math.round(health.syncIntervalMs / 1000) }),
    },
    {
      key: "queues",
      label: t("tasks"),
      state: !queues ? "unknown" : queues.some(([, counts]) => counts.failed > 0) ? "check" : "ok",
      detail: queues ? (
        <ul>
          {queues.map(([name, counts]) => (
            <li key={name}>{t("queueCounts", { name: t(`queueName_${name}` as "queueName_lives"), waiting: counts.waiting, failed: counts.failed })}</li>
          ))}
        </ul>
      ) : (
        t("queuesUnknown")
      ),
    },
  ]
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        back={{ href: "/admin", label: tAdmin("title") }}
        actions={
          <LinkButton href="/admin/health" variant="secondary" prefetch={false}>
            {t("reload")}
          </LinkButton>
        }
      />
      <Notice tone={STATUS_TONE[health.status]} testId="health-status" className="mb-6">
        <p className="text-base font-medium">{t(`status_${health.status}`)}</p>
      </Notice>
      <DataTable<Row>
        caption={t("caption")}
        rows={rows}
        rowKey={(r) => r.key}
        rowTestId={(r) => `health-${r.key}`}
        columns={[
          { key: "item", header: t("columns.item"), rowHeader: true, className: "md:w-72", cell: (r) => <span className="font-medium text-slate-900">{r.label}</span> },
          { key: "state", header: t("columns.state"), className: "md:w-36", cell: (r) => <Badge tone={STATE_TONE[r.state]}>{t(`badge.${r.state}`)}</Badge> },
          { key: "detail", header: t("columns.detail"), cell: (r) => <div className="text-slate-700">{r.detail}</div> },
        ]}
      />
      <p className="mt-4 text-sm text-slate-600">{t("checkedAt", { at: when(health.checkedAt) })}</p>
    </>
  )
}
