import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getFormatter, getTranslations } from "next-intl/server"
import { z } from "zod"

import { getCurrentUser } from "@/lib/auth/session"
import { getLiveRequestForm } from "@/lib/meetings/get-live-request-form"

import { Card } from "@/components/ui/card"
import { Notice } from "@/components/ui/notice"
import { PageHeader } from "@/components/ui/page-header"

import { requirePageRole } from "@/app/_lib/guards"

import { RequestLiveForm } from "./_components/request-live-form"

export const dynamic = "force-dynamic"

const paramsSchema = z.object({ meetingId: z.coerce.number().int().positive() })

export async function generateMetadata({ params }: { params: Promise<{ meetingId: string }> }): Promise<Metadata> {
  const t = await getTranslations("liveRequest")
  // The page says "not possible" to a teacher who is not a moderator here: so does the tab.
  const parsed = paramsSchema.safeParse(await params)
  const user = await getCurrentUser()
  const form = parsed.success && user ? await getLiveRequestForm(parsed.data.meetingId, user) : null
  return { title: form?.refusal === "NOT_A_MODERATOR" ? t("refused") : t("title") }
}

export default async function RequestLivePage({ params }: { params: Promise<{ meetingId: string }> }) {
  const parsed = paramsSchema.safeParse(await params)
  if (!parsed.success) notFound()
  const user = await requirePageRole("teacher", `/meetings/${parsed.data.meetingId}/live`)
  const form = await getLiveRequestForm(parsed.data.meetingId, user)
  if (!form) notFound()
  const [t, tErrors, format] = await Promise.all([getTranslations("liveRequest"), getTranslations("errors"), getFormatter()])
  const back = { href: "/meetings", label: t("back") }
  if (form.refusal === "NOT_A_MODERATOR") {
    return (
      <div className="max-w-2xl">
        <PageHeader title={t("refused")} back={back} />
        <Notice tone="error" testId="refusal">
          <p>{tErrors("NOT_A_MODERATOR")}</p>
        </Notice>
      </div>
    )
  }
  const date = format.dateTime(form.meeting.sessionDate, "dateTime")
  return (
    <div className="max-w-2xl">
      <PageHeader title={t("title")} description={t("meeting", { name: form.meeting.name, date })} back={back} />
      {form.refusal ? (
        <Notice tone="error" testId="refusal">
          <p>{tErrors(form.refusal)}</p>
        </Notice>
      ) : (
        <Card>
          <RequestLiveForm meetingId={form.meeting.id} showDownloadOption={form.showDownloadOption} roomChatAvailable={form.roomChatAvailable} />
        </Card>
      )}
    </div>
  )
}
