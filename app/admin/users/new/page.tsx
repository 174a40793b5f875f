import { getTranslations } from "next-intl/server"

import { AdminForm } from "@/components/admin/admin-form"
import { adminFormTexts } from "@/components/admin/admin-form-texts"
import { SectionCard } from "@/components/ui/card"
import { PageHeader } from "@/components/ui/page-header"

import { requirePageRole } from "@/app/_lib/guards"
import { titleMetadata } from "@/app/_lib/title-metadata"

import { USER_FIELD_ERRORS, userEditFields } from "../_components/user-fields"
import { createUserAction } from "../actions"

export const generateMetadata = titleMetadata("adminUsers", "newTitle")

export default async function NewUserPage() {
  await requirePageRole("admin", "/admin/users/new")
  const t = await getTranslations("adminUsers")
  const texts = await adminFormTexts("adminUsers", USER_FIELD_ERRORS, { submit: t("create"), pending: t("creating") })
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newIntro")} back={{ href: "/admin/users", label: t("title") }} />
      <SectionCard id="new-user-title" title={t("newTitle")} hiddenTitle className="max-w-2xl">
        <AdminForm
          action={createUserAction}
          testId="user-form"
          fields={[
            { kind: "text", name: "username", label: t("username"), required: true, maxLength: 150 },
            { kind: "email", name: "email", label: t("email"), required: true, maxLength: 254 },
            ...userEditFields((key) => t(key)),
          ]}
          texts={texts}
          redirectTo="/admin/users/{id}"
          reveal={{ key: "temporaryPassword", label: t("createdPassword"), linkKey: "href", linkLabel: t("openAccount") }}
        />
      </SectionCard>
    </>
  )
}
