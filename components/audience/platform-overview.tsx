// The admin overview's last 30 days (lib/audience/get-platform-audience.ts): totals, one small chart
// per figure (the audience chart, one point per day) and the same figures as a table for screen
// readers. The time at full capacity is the figure that says when to add streamer servers.
import { getFormatter, getTranslations } from "next-intl/server"

import type { PlatformDay } from "@/lib/audience/get-platform-audience"

import { SectionCard } from "@/components/ui/card"
import { DataTable } from "@/components/ui/data-table"

import { AudienceChart } from "./audience-chart"
import { formatDuration } from "./live-summary"

type Figure = "lives" | "hours" | "peak" | "distinct" | "capacity"

/** Days are one point each: never a gap between two of them (36 h covers a day of 25 h). */
const DAY_GAP_MS = 36 * 3600 * 1000

export async function PlatformOverview({ days }: { days: PlatformDay[] }) {
  const [t, format] = await Promise.all([getTranslations("adminPlatform"), getFormatter()])
  const value: Record<Figure, (d: PlatformDay) => number> = {
    lives: (d) => d.lives,
    hours: (d) => Math.round(d.broadcastSeconds / 360) / 10,
    peak: (d) => d.peakViewers,
    distinct: (d) => d.distinctViewers,
    capacity: (d) => Math.round(d.capacitySeconds / 60),
  }
  const figures: Figure[] = ["lives", "hours", "peak", "distinct", "capacity"]
  const capacityDays = days.filter((d) => d.capacitySeconds > 0).length
  const totals: [string, string, string][] = [
    ["lives", t("totalLives"), String(days.reduce((n, d) => n + d.lives, 0))],
    ["hours", t("totalHours"), formatDuration(days.reduce((n, d) => n + d.broadcastSeconds, 0))],
    ["peak", t("maxPeak"), String(Math.max(0, ...days.map((d) => d.peakViewers)))],
    ["capacity", t("capacityDays"), t("capacityDaysValue", { days: capacityDays, time: formatDuration(days.reduce((n, d) => n + d.capacitySeconds, 0)) })],
  ]
  const day = (d: PlatformDay) => format.dateTime(d.startsAt, "weekday")
  return (
    <SectionCard id="platform-overview" title={t("title", { days: days.length })} className="mt-8">
      <p className="mb-4 text-sm text-slate-700">{t("intro")}</p>
      <dl className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="platform-totals">
        {totals.map(([key, label, text]) => (
          <div key={key} className="rounded-lg border border-slate-200 p-3">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid={`platform-${key}`}>
              {text}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mb-4 text-sm text-slate-700">{t("capacityHelp")}</p>
      <ul className="grid gap-4 md:grid-cols-2">
        {figures.map((f) => (
          <li key={f} className="min-w-0">
            <h3 className="mb-1 text-sm font-semibold text-slate-900">{t(`figure.${f}`)}</h3>
            <AudienceChart
              points={days.map((d) => ({ at: d.startsAt.toISOString(), value: value[f](d) }))}
              marks={[]}
              gapAfterMs={DAY_GAP_MS}
              seriesLabel={t(`figure.${f}`)}
              timeLabel={t("chartDay")}
              testId={`platform-chart-${f}`}
              height={180}
            />
          </li>
        ))}
      </ul>
      <details className="mt-4">
        <summary className="cursor-pointer text-sm font-medium">{t("table")}</summary>
        <div className="mt-2">
          <DataTable
            caption={t("table")}
            rows={days}
            rowKey={(d) => d.day}
            rowTestId={() => "platform-day"}
            columns={[
              { key: "day", header: t("day"), rowHeader: true, cell: day },
              ...figures.map((f) => ({ key: f, header: t(`figure.${f}`), cell: (d: PlatformDay) => <span className="tabular-nums">{value[f](d)}</span> })),
            ]}
          />
        </div>
      </details>
    </SectionCard>
  )
}
