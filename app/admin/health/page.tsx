import type { Metadata } from "next"
import Link from "next/link"
import { getFormatter, getTranslations } from "next-intl/server"

import { getServiceHealth } from "@/lib/health/get-service-health"

import { requirePageRole } from "@/app/_lib/guards"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminHealth"))("title") }
}

const STATUS_STYLE = {
  ok: "border-green-300 bg-green-50 text-green-900",
  degraded: "border-amber-300 bg-amber-50 text-amber-900",
  down: "border-red-300 bg-red-50 text-red-900",
} as const

export default async function ServiceHealthPage() {
  await requirePageRole("admin", "/admin/health")
  const [t, tAdmin, format, health] = await Promise.all([getTranslations("adminHealth"), getTranslations("admin"), getFormatter(), getServiceHealth()])
  const now = new Date(health.checkedAt)
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "medium" })
  const syncLate = health.lastSync !== null && health.lastSync.ageMs > health.staleAfterMs
  const rows: { key: string; label: string; value: string; ok: boolean }[] = [
    { key: "database", label: t("database"), value: health.postgresql.ok ? t("answers") : t("noAnswer"), ok: health.postgresql.ok },
    { key: "queue", label: t("queue"), value: health.redis.ok ? t("answers") : t("noAnswer"), ok: health.redis.ok },
    {
      key: "bbb",
      label: t("bbb"),
      value: !health.bbb ? t("bbbUnknown") : health.bbb.ok ? t("bbbOk", { at: when(health.bbb.atIso) }) : t("bbbFailed", { at: when(health.bbb.atIso) }),
      ok: health.bbb?.ok ?? false,
    },
    {
      key: "lastSync",
      label: t("lastSync"),
      value: !health.lastSync
        ? t("lastSyncNone")
        : [t("lastSyncAgo", { ago: format.relativeTime(new Date(health.lastSync.atIso), now), meetings: health.lastSync.meetings }), syncLate ? t("lastSyncLate", { seconds: Math.round(health.syncIntervalMs / 1000) }) : null]
            .filter(Boolean)
            .join(" — "),
      ok: health.lastSync !== null && !syncLate,
    },
  ]
  return (
    <section>
      <p className="text-sm text-slate-600">
        <Link href="/admin" className="underline">
          {tAdmin("title")}
        </Link>{" "}
        / {t("title")}
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-600">{t("intro")}</p>
      <p role="status" data-testid="health-status" data-status={health.status} className={`mt-6 rounded-lg border p-4 text-lg font-medium ${STATUS_STYLE[health.status]}`}>
        {t(`status_${health.status}`)}
      </p>
      <dl className="mt-6 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {rows.map((row) => (
          <div key={row.key} className="flex flex-wrap gap-x-4 px-4 py-3" data-testid={`health-${row.key}`} data-ok={row.ok}>
            <dt className="w-64 font-medium">
              <span aria-hidden="true">{row.ok ? "✓" : "✗"}</span> {row.label}
            </dt>
            <dd className={row.ok ? "text-slate-700" : "text-red-800"}>{row.value}</dd>
          </div>
        ))}
        <div className="flex flex-wrap gap-x-4 px-4 py-3" data-testid="health-queues">
          <dt className="w-64 font-medium">{t("tasks")}</dt>
          <dd className="text-slate-700">
            {health.queues ? (
              <ul>
                {Object.entries(health.queues).map(([name, counts]) => (
                  <li key={name}>
                    {t("queueCounts", { name: t(`queueName_${name}` as "queueName_lives"), waiting: counts.waiting, failed: counts.failed })}
                  </li>
                ))}
              </ul>
            ) : (
              t("queuesUnknown")
            )}
          </dd>
        </div>
      </dl>
      <p className="mt-4 text-sm text-slate-500">{t("checkedAt", { at: when(health.checkedAt) })}</p>
    </section>
  )
}
