import { getTranslations } from "next-intl/server"

import { AdminForm } from "@/components/admin/admin-form"
import { adminFormTexts } from "@/components/admin/admin-form-texts"
import { SectionCard } from "@/components/ui/card"
import { PageHeader } from "@/components/ui/page-header"

import { requirePageRole } from "@/app/_lib/guards"
import { titleMetadata } from "@/app/_lib/title-metadata"

import { createBuildingAction } from "../actions"

export const generateMetadata = titleMetadata("adminBuildings", "newTitle")

export default async function NewBuildingPage() {
  await requirePageRole("admin", "/admin/buildings/new")
  const t = await getTranslations("adminBuildings")
  const texts = await adminFormTexts("adminBuildings", ["required", "tooLong", "CONFLICT"], { submit: t("create"), pending: t("creating") })
  return (
    <>
      <PageHeader title={t("newTitle")} back={{ href: "/admin/buildings", label: t("title") }} />
      <SectionCard id="new-building-title" title={t("newTitle")} hiddenTitle className="max-w-xl">
        <AdminForm
          action={createBuildingAction}
          fields={[{ kind: "text", name: "name", label: t("name"), required: true, maxLength: 100 }]}
          texts={texts}
          redirectTo="/admin/buildings/{id}"
          testId="building-form"
        />
      </SectionCard>
    </>
  )
}
