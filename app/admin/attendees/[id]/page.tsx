import { notFound } from "next/navigation"
import { getFormatter, getTranslations } from "next-intl/server"
import { z } from "zod"

import { getAdminAttendee } from "@/lib/meetings/get-admin-attendee"
import { searchUsers } from "@/lib/users/search-users"

import { Badge } from "@/components/ui/badge"
import { Button } from "@/components/ui/button"
import { SectionCard } from "@/components/ui/card"
import { inputClasses } from "@/components/ui/field"
import { FlashNotice } from "@/components/ui/flash-notice"
import { PageHeader } from "@/components/ui/page-header"
import { FieldLabel } from "@/components/ui/field-label"

import { readFlashMessage } from "@/app/_lib/flash"
import { titleMetadata } from "@/app/_lib/title-metadata"
import { readAdminRecordId } from "@/app/admin/_lib/page-params"

import { AssignForm } from "../_components/assign-form"
import { AutomaticMatchButton } from "../_components/automatic-match-button"
import { MATCH_TONES } from "../_components/match-tones"

export const dynamic = "force-dynamic"

const searchSchema = z.object({ q: z.string().trim().max(200).optional().catch(undefined) })

export const generateMetadata = titleMetadata("adminAttendees", "assignTitle")

export default async function AdminAttendeePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await readAdminRecordId("/admin/attendees", params)
  const raw = await searchParams
  const { q } = searchSchema.parse({ q: Array.isArray(raw.q) ? raw.q[0] : raw.q })
  const [t, format, attendee, results, flash] = await Promise.all([
    getTranslations("adminAttendees"),
    getFormatter(),
    getAdminAttendee(id),
    q ? searchUsers(q) : Promise.resolve([]),
    readFlashMessage(),
  ])
  if (!attendee) notFound()
  return (
    <>
      <PageHeader title={t("assignTitle")} description={t("assignIntro")} back={{ href: "/admin/attendees", label: t("title") }} />
      <FlashNotice flash={flash} />
      <SectionCard id="attendee-title" title={attendee.fullName} titleClassName="break-words" className="max-w-2xl">
        <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">{t("id")}</dt>
          <dd>{attendee.id}</dd>
          <dt className="font-medium text-slate-700">{t("role")}</dt>
          <dd>{t(`roles.${attendee.role}`)}</dd>
          <dt className="font-medium text-slate-700">{t("username")}</dt>
          <dd className="break-all">{[attendee.extUserId, attendee.bbbUserId].filter(Boolean).join(" · ") || "—"}</dd>
          <dt className="font-medium text-slate-700">{t("session")}</dt>
          <dd className="break-words">
            {attendee.meeting.name} · {format.dateTime(attendee.meeting.sessionDate, "dateTime")}
          </dd>
          <dt className="font-medium text-slate-700">{t("state")}</dt>
          <dd data-testid="attendee-state">
            <Badge tone={MATCH_TONES[attendee.matchStatus]}>{t(`states.${attendee.matchStatus}`)}</Badge>
            {attendee.user && (
              <span className="ml-2 break-words">
                {attendee.user.name} ({attendee.user.username})
              </span>
            )}
          </dd>
        </dl>
        {attendee.matchStatus === "BY_ADMIN" && (
          <div className="mt-4">
            <AutomaticMatchButton attendeeId={attendee.id} />
          </div>
        )}
      </SectionCard>
      <SectionCard id="pick-title" title={t("pickTitle")} className="mt-6 max-w-2xl">
        <form method="get" role="search" aria-label={t("pickTitle")} className="mt-3 flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1 basis-56">
            <FieldLabel htmlFor="pick-q">
              {t("pickSearch")}
            </FieldLabel>
            <input id="pick-q" type="search" name="q" defaultValue={q ?? ""} className={inputClasses} />
          </div>
          <Button type="submit" variant="secondary">
            {t("pickSubmit")}
          </Button>
        </form>
        <div className="mt-4" data-testid="pick-results">
          {q && results.length === 0 && <p className="text-slate-600">{t("pickNone")}</p>}
          {(results.length > 0 || !q) && (
            <AssignForm
              attendeeId={attendee.id}
              ambiguous
              candidates={results.map((u) => ({ username: u.username, name: u.name, email: u.email, role: u.role }))}
              candidatesLabel={t("pickResults")}
              noCandidateLabel={null}
            />
          )}
        </div>
      </SectionCard>
    </>
  )
}
