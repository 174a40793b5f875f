import { getTranslations } from "next-intl/server"

import { CHANGE_PASSWORD_PATH } from "@/lib/auth/change-password-path"
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/users/schemas"

import { SectionCard } from "@/components/ui/card"
import { Notice } from "@/components/ui/notice"
import { PageHeader } from "@/components/ui/page-header"

import { requirePageUser } from "@/app/_lib/guards"
import { titleMetadata } from "@/app/_lib/title-metadata"

import { ChangePasswordForm } from "./_components/change-password-form"
import { changePasswordAction } from "./actions"

export const generateMetadata = titleMetadata("account", "title")

/**
 * « Changer mon mot de passe »: for every account with a local password (the header links here), and
 * where an account holding a temporary password is sent after signing in (lib/auth/change-password-path.ts).
 */
export default async function ChangePasswordPage() {
  const user = await requirePageUser(CHANGE_PASSWORD_PATH)
  const t = await getTranslations("account")
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <SectionCard id="change-password-title" title={t("title")} hiddenTitle className="max-w-2xl">
        {!user.hasPassword ? (
          <Notice tone="info" live={false} testId="no-local-password">
            <p>{t("noLocalPassword")}</p>
          </Notice>
        ) : (
          <>
            {user.mustChangePassword && (
              <Notice tone="warning" live={false} className="mb-4" testId="must-change-password">
                <p>{t("mustChange")}</p>
              </Notice>
            )}
            <ChangePasswordForm action={changePasswordAction} rules={{ min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }} />
          </>
        )}
      </SectionCard>
    </>
  )
}
