import { getTranslations } from "next-intl/server"

import { listBuildingChoices } from "@/lib/broadcasters/list-building-choices"

import { AdminForm } from "@/components/admin/admin-form"
import { adminFormTexts } from "@/components/admin/admin-form-texts"
import { SectionCard } from "@/components/ui/card"
import { PageHeader } from "@/components/ui/page-header"

import { requirePageRole } from "@/app/_lib/guards"
import { titleMetadata } from "@/app/_lib/title-metadata"

import { BROADCASTER_FIELD_ERRORS, broadcasterFields } from "../_components/broadcaster-fields"
import { createBroadcasterAction } from "../actions"

export const generateMetadata = titleMetadata("adminBroadcasters", "newTitle")

export default async function NewBroadcasterPage() {
  await requirePageRole("admin", "/admin/broadcasters/new")
  const [t, buildings] = await Promise.all([getTranslations("adminBroadcasters"), listBuildingChoices()])
  const texts = await adminFormTexts("adminBroadcasters", BROADCASTER_FIELD_ERRORS, { submit: t("create"), pending: t("creating") })
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newIntro")} back={{ href: "/admin/broadcasters", label: t("title") }} />
      <SectionCard id="new-broadcaster-title" title={t("newTitle")} hiddenTitle className="max-w-2xl">
        <AdminForm action={createBroadcasterAction} fields={broadcasterFields((key) => t(key), buildings)} texts={texts} redirectTo="/admin/broadcasters/{id}" testId="broadcaster-form" />
      </SectionCard>
    </>
  )
}
