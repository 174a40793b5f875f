import { notFound } from "next/navigation"
import { getTranslations } from "next-intl/server"

import { getBroadcasterForAdmin } from "@/lib/broadcasters/get-broadcaster-for-admin"
import { listBuildingChoices } from "@/lib/broadcasters/list-building-choices"

import { AdminForm } from "@/components/admin/admin-form"
import { adminFormTexts } from "@/components/admin/admin-form-texts"
import { Badge } from "@/components/ui/badge"
import { SectionCard } from "@/components/ui/card"
import { ConfirmAction } from "@/components/ui/confirm-action"
import { PageHeader } from "@/components/ui/page-header"

import { titleMetadata } from "@/app/_lib/title-metadata"
import { readAdminRecordId } from "@/app/admin/_lib/page-params"

import { BROADCASTER_FIELD_ERRORS, broadcasterFields } from "../_components/broadcaster-fields"
import { deleteBroadcasterAction, updateBroadcasterAction } from "../actions"

export const dynamic = "force-dynamic"

export const generateMetadata = titleMetadata("adminBroadcasters", "editTitle")

export default async function EditBroadcasterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await readAdminRecordId("/admin/broadcasters", params)
  const [t, broadcaster, buildings] = await Promise.all([getTranslations("adminBroadcasters"), getBroadcasterForAdmin(id), listBuildingChoices()])
  if (!broadcaster) notFound()
  const texts = await adminFormTexts("adminBroadcasters", BROADCASTER_FIELD_ERRORS, { submit: t("save"), pending: t("saving"), saved: t("saved") })
  return (
    <>
      <PageHeader title={t("editTitle")} description={broadcaster.name} back={{ href: "/admin/broadcasters", label: t("title") }} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <SectionCard id="edit-broadcaster-title" title={t("settings")}>
          <p className="mt-2 mb-4 text-sm">
            <Badge tone={broadcaster.isOnAir ? "live" : "neutral"}>{broadcaster.isOnAir ? t("onAirYes") : t("onAirNo")}</Badge>
          </p>
          <AdminForm
            action={updateBroadcasterAction}
            hidden={{ broadcasterId: broadcaster.id }}
            fields={broadcasterFields((key) => t(key), buildings, broadcaster)}
            texts={texts}
            testId="broadcaster-form"
          />
        </SectionCard>
        <SectionCard id="delete-broadcaster-title" title={t("delete")}>
          <p className="mt-2 mb-3 text-sm text-slate-600">{t("deleteHelp")}</p>
          <ConfirmAction
            action={deleteBroadcasterAction}
            fields={{ broadcasterId: broadcaster.id }}
            label={t("delete")}
            question={t("deleteQuestion", { name: broadcaster.name })}
            confirmLabel={t("deleteConfirm")}
            pendingLabel={t("deleting")}
            testId="delete-broadcaster"
          />
        </SectionCard>
      </div>
    </>
  )
}
