import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getFormatter, getTranslations } from "next-intl/server"
import { z } from "zod"

import { getAdminLive } from "@/lib/lives/get-admin-live"
import { isActiveLiveStatus } from "@/lib/lives/schemas"

import { AutoRefresh } from "@/components/layout/auto-refresh"
import { SectionCard } from "@/components/ui/card"
import { ConfirmAction } from "@/components/ui/confirm-action"
import { TextLink } from "@/components/ui/link-button"
import { LiveStatusBadge } from "@/components/ui/live-status-badge"
import { PageHeader } from "@/components/ui/page-header"

import { requirePageRole } from "@/app/_lib/guards"

import { deleteLiveAction, stopLiveAction } from "../actions"
import { LiveOptionsForm } from "./_components/live-options-form"

export const dynamic = "force-dynamic"

const idSchema = z.coerce.number().int().positive().max(2_147_483_647)

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await getTranslations("adminLives"))("detailTitle", { id: (await params).id }) }
}

export default async function AdminLivePage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params
  await requirePageRole("admin", `/admin/lives/${rawId}`)
  const id = idSchema.safeParse(rawId)
  if (!id.success) notFound()
  const [t, tFailure, tEnd, format, live] = await Promise.all([
    getTranslations("adminLives"),
    getTranslations("liveFailure"),
    getTranslations("liveEnd"),
    getFormatter(),
    getAdminLive(id.data),
  ])
  if (!live) notFound()
  const date = (d: Date | null) => (d ? format.dateTime(d, "dateTimeSeconds") : "—")
  const active = isActiveLiveStatus(live.status)
  const facts: [string, React.ReactNode][] = [
    [t("status"), <LiveStatusBadge key="s" status={live.status} testId="admin-live-status" />],
    [
      t("session"),
      <TextLink key="m" href={`/admin/meetings/${live.meeting.id}`}>
        {live.meeting.name}
      </TextLink>,
    ],
    [t("meetingId"), <span key="mi" className="break-all">{live.meeting.meetingId}</span>],
    [t("user"), `${live.requestedBy.name} (${live.requestedBy.username})`],
    [t("requestedAt"), date(live.requestedAt)],
    [t("startedAt"), date(live.startedAt)],
    [t("endedAt"), date(live.endedAt)],
    [t("server"), live.serverLabel ?? "—"],
    [t("broadcaster"), live.broadcaster ? <TextLink key="b" href={`/lives/${live.broadcaster.slug}`}>{live.broadcaster.name}</TextLink> : "—"],
    [t("failureReason"), live.failureReason ? (tFailure.has(live.failureReason) ? tFailure(live.failureReason) : tFailure("unknown")) : "—"],
    [t("stopReason"), live.stopReason && tEnd.has(live.stopReason) ? tEnd(live.stopReason) : "—"],
    [t("audience"), <TextLink key="a" href={`/my-lives/${live.id}`}>{t("audienceLink")}</TextLink>],
  ]
  return (
    <>
      <PageHeader title={t("detailTitle", { id: live.id })} description={live.meeting.name} back={{ href: "/admin/lives", label: t("title") }} />
      <div className="grid gap-6 lg:grid-cols-2">
        <SectionCard id="live-facts-title" title={t("facts")}>
          <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]" data-testid="admin-live-facts">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-slate-600">{label}</dt>
                <dd className="min-w-0 break-words text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        </SectionCard>
        <div className="space-y-6">
          <SectionCard id="live-options-title" title={t("editTitle")}>
            <LiveOptionsForm live={{ id: live.id, showChat: live.showChat, downloadMeeting: live.downloadMeeting, enableChat: live.enableChat, showRoomChat: live.showRoomChat, isRestricted: live.isRestricted }} roomChatAvailable={live.roomChatAvailable} />
          </SectionCard>
          <SectionCard id="live-actions-title" title={t("actionsTitle")}>
            <div className="mt-3 space-y-4">
              {active && (
                <div>
                  <p className="mb-2 text-sm text-slate-600">{t("stopHelp")}</p>
                  <ConfirmAction
                    action={stopLiveAction}
                    fields={{ liveId: live.id }}
                    label={t("stop")}
                    question={t("stopQuestion")}
                    confirmLabel={t("stopConfirm")}
                    pendingLabel={t("stopping")}
                    testId="stop-live"
                  />
                </div>
              )}
              <div>
                <p className="mb-2 text-sm text-slate-600">{active ? t("deleteActiveHelp") : t("deleteHelp")}</p>
                <ConfirmAction
                  action={deleteLiveAction}
                  fields={{ liveId: live.id }}
                  label={t("delete")}
                  question={t("deleteQuestion")}
                  confirmLabel={t("deleteConfirm")}
                  pendingLabel={t("deleting")}
                  testId="delete-live"
                />
              </div>
            </div>
          </SectionCard>
        </div>
      </div>
      {active && <AutoRefresh />}
    </>
  )
}
