import { notFound } from "next/navigation"
import { getFormatter, getTranslations } from "next-intl/server"

import { sampleSpanSeconds } from "@/lib/audience/audience-stats"
import { getLiveAudience, getLiveTranscript, type AudienceSample } from "@/lib/audience/get-live-audience"

import { AudienceChart } from "@/components/audience/audience-chart"
import { formatDuration, liveDurationSeconds, LiveStatusWithReason } from "@/components/audience/live-summary"
import { buttonClasses } from "@/components/ui/button"
import { SectionCard } from "@/components/ui/card"
import { DataTable } from "@/components/ui/data-table"
import { EmptyState } from "@/components/ui/empty-state"
import { PageHeader } from "@/components/ui/page-header"

import { requirePageRole } from "@/app/_lib/guards"
import { titleMetadata } from "@/app/_lib/title-metadata"

import { liveIdSchema } from "../_lib/live-id"

export const dynamic = "force-dynamic"

export const generateMetadata = titleMetadata("myLives", "detailTitle")

/** A live's audience: curve (and its table), figures, marks, transcript and CSV exports. Another teacher's live: 404. */
export default async function LiveAudiencePage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = liveIdSchema.safeParse(await params)
  const user = await requirePageRole("teacher", parsed.success ? `/my-lives/${parsed.data.id}` : "/my-lives")
  if (!parsed.success) notFound()
  const [audience, transcript] = await Promise.all([getLiveAudience(parsed.data.id, user), getLiveTranscript(parsed.data.id, user)])
  if (!audience || !transcript) notFound()
  const [t, format] = await Promise.all([getTranslations("myLives"), getFormatter()])
  const { live, stats, samples, marks, renditions, renditionsAtPeak } = audience
  const time = (d: Date) => format.dateTime(d, "timeSeconds")
  const duration = liveDurationSeconds(live)
  const base = `/my-lives/${live.id}`
  const figures: [string, string, string][] = [
    ["date", t("date"), format.dateTime(live.startedAt ?? live.requestedAt, "dateTime")],
    ["duration", t("duration"), duration === null ? "—" : formatDuration(duration)],
    ["peak", t("peak"), String(stats.peakViewers)],
    ["distinct", t("distinct"), String(stats.distinctViewers)],
    ["watch", t("watchTime"), formatDuration(stats.watchSeconds)],
    ["chat", t("chatMessages"), String(stats.chatMessages)],
  ]
  // "360p : 3 · Son seul : 0", every rendition of the live, and the viewers whose player said nothing.
  const inUse = (s: AudienceSample) => {
    if (!s.renditions) return "—"
    const counts = s.renditions
    const unknown = s.viewers - Object.values(counts).reduce((a, b) => a + b, 0)
    const parts = renditions.map((r) => t("rendition", { name: r === "audio" ? t("renditionAudio") : r, count: counts[r] ?? 0 }))
    if (unknown > 0) parts.push(t("rendition", { name: t("renditionUnknown"), count: unknown }))
    return parts.join(" · ")
  }
  const download = buttonClasses({ variant: "secondary", size: "sm" })
  return (
    <>
      <PageHeader title={live.meetingName} description={t("detailIntro")} />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <LiveStatusWithReason live={live} />
      </div>
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="audience-figures">
        {figures.map(([key, label, value]) => (
          <div key={key} className="rounded-lg border border-slate-200 p-3">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid={`audience-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <SectionCard id="audience-curve" title={t("curve")}>
        {samples.length === 0 ? (
          <EmptyState title={t("noSamples")} testId="no-samples" />
        ) : (
          <>
            <AudienceChart
              points={samples.map((s) => ({ at: s.at.toISOString(), value: s.viewers }))}
              marks={marks.map((m) => ({ at: m.at.toISOString(), label: t(`mark.${m.kind}`) }))}
              gapAfterMs={sampleSpanSeconds() * 1000}
              seriesLabel={t("viewers")}
              timeLabel={t("chartTime")}
            />
            {marks.length > 0 && (
              <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" data-testid="audience-marks">
                {marks.map((m) => (
                  <li key={`${m.kind}-${m.at.toISOString()}`}>
                    {t("markAt", { mark: t(`mark.${m.kind}`), time: time(m.at) })}
                  </li>
                ))}
              </ul>
            )}
            <div className="mt-3 rounded-lg border border-slate-200 p-3" data-testid="audience-renditions-box">
              {renditionsAtPeak ? (
                <>
                  <p className="text-xs text-slate-600">{t("renditionsAtPeak", { time: time(renditionsAtPeak.at) })}</p>
                  <p className="text-lg font-semibold tabular-nums" data-testid="audience-renditions">
                    {inUse(renditionsAtPeak)}
                  </p>
                  <p className="mt-1 text-xs text-slate-600">{t("renditionsHelp")}</p>
                </>
              ) : (
                <p className="text-sm text-slate-600" data-testid="no-renditions">
                  {t("noRenditions")}
                </p>
              )}
            </div>
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-medium">{t("curveTable")}</summary>
              <div className="mt-2">
                <DataTable
                  caption={t("curveTable")}
                  rows={samples}
                  rowKey={(s) => s.at.toISOString()}
                  rowTestId={() => "audience-sample"}
                  columns={[
                    { key: "at", header: t("time"), rowHeader: true, cell: (s) => time(s.at) },
                    { key: "viewers", header: t("viewers"), cell: (s) => <span className="tabular-nums">{s.viewers}</span> },
                    { key: "signedIn", header: t("signedIn"), cell: (s) => <span className="tabular-nums">{s.signedIn}</span> },
                    { key: "anonymous", header: t("anonymous"), cell: (s) => <span className="tabular-nums">{s.anonymous}</span> },
                    { key: "renditions", header: t("renditions"), cell: (s) => <span className="tabular-nums">{inUse(s)}</span> },
                  ]}
                />
              </div>
            </details>
          </>
        )}
        <p className="mt-3">
          <a href={`${base}/samples`} download className={download} data-testid="export-samples">
            {t("exportSamples")}
          </a>
        </p>
      </SectionCard>
      <SectionCard id="audience-transcript" title={t("transcript")} className="mt-6">
        {transcript.length === 0 ? (
          <EmptyState title={t("noTranscript")} testId="no-transcript" />
        ) : (
          <ol className="space-y-2 text-sm" data-testid="transcript">
            {transcript.map((line, i) => (
              <li key={i} className="break-words">
                <span className="text-slate-600 tabular-nums">{time(line.sentAt)}</span> <span className="font-medium">{line.authorName}</span> <span>{line.body}</span>
              </li>
            ))}
          </ol>
        )}
        <p className="mt-3">
          <a href={`${base}/transcript`} download className={download} data-testid="export-transcript">
            {t("exportTranscript")}
          </a>
        </p>
      </SectionCard>
    </>
  )
}
