import { notFound } from "next/navigation"
import { getFormatter, getTranslations } from "next-intl/server"

import { getUserForAdmin } from "@/lib/users/get-user-for-admin"

import { AdminForm } from "@/components/admin/admin-form"
import { adminFormTexts } from "@/components/admin/admin-form-texts"
import { Badge } from "@/components/ui/badge"
import { SectionCard } from "@/components/ui/card"
import { ConfirmAction } from "@/components/ui/confirm-action"
import { PageHeader } from "@/components/ui/page-header"

import { titleMetadata } from "@/app/_lib/title-metadata"
import { readAdminRecordId } from "@/app/admin/_lib/page-params"

import { USER_FIELD_ERRORS, userEditFields } from "../_components/user-fields"
import { resetUserPasswordAction, setUserActiveAction, updateUserAction } from "../actions"

export const dynamic = "force-dynamic"

export const generateMetadata = titleMetadata("adminUsers", "editTitle")

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id, admin } = await readAdminRecordId("/admin/users", params)
  const [t, format, user] = await Promise.all([getTranslations("adminUsers"), getFormatter(), getUserForAdmin(id)])
  if (!user) notFound()
  const self = user.id === admin.id
  const [editTexts, resetTexts] = await Promise.all([
    adminFormTexts("adminUsers", USER_FIELD_ERRORS, { submit: t("save"), pending: t("saving"), saved: t("saved") }),
    adminFormTexts("adminUsers", [], { submit: t("resetPassword"), pending: t("resetting") }),
  ])
  return (
    <>
      <PageHeader title={t("editTitle")} description={`${user.firstName} ${user.lastName} (${user.username})`} back={{ href: "/admin/users", label: t("title") }} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <SectionCard id="edit-user-title" title={t("identity")}>
          <dl className="mt-3 mb-4 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium text-slate-700">{t("username")}</dt>
            <dd className="break-all">{user.username}</dd>
            <dt className="font-medium text-slate-700">{t("email")}</dt>
            <dd className="break-all">{user.email}</dd>
            <dt className="font-medium text-slate-700">{t("createdAt")}</dt>
            <dd>{format.dateTime(user.createdAt, "dateTime")}</dd>
            {user.mayPinRole && (
              <>
                <dt className="font-medium text-slate-700">{t("roleSource")}</dt>
                <dd data-testid="user-role-source">{t(`roleSources.${user.roleSource}`)}</dd>
              </>
            )}
            <dt className="font-medium text-slate-700">{t("status")}</dt>
            <dd>
              <Badge tone={user.isActive ? "success" : "neutral"} testId="user-status">
                {t(`statuses.${user.isActive ? "active" : "inactive"}`)}
              </Badge>
            </dd>
          </dl>
          <AdminForm action={updateUserAction} hidden={{ userId: user.id }} fields={[
              { kind: "text", name: "username", label: t("username"), defaultValue: user.username, required: true, maxLength: 150 },
              { kind: "email", name: "email", label: t("email"), defaultValue: user.email, required: true, maxLength: 254 },
              ...userEditFields((key) => t(key), { ...user, rolePinned: user.mayPinRole ? user.rolePinned : undefined }),
            ]} texts={editTexts} testId="user-form" />
        </SectionCard>
        <div className="space-y-6">
          <SectionCard id="user-access-title" title={t("access")}>
            {self ? (
              <p className="mt-2 text-sm text-slate-600">{t("selfHelp")}</p>
            ) : (
              <div className="mt-3">
                <ConfirmAction
                  action={setUserActiveAction}
                  fields={{ userId: user.id, isActive: user.isActive ? "false" : "true" }}
                  label={user.isActive ? t("deactivate") : t("reactivate")}
                  question={user.isActive ? t("deactivateQuestion") : t("reactivateQuestion")}
                  confirmLabel={user.isActive ? t("deactivateConfirm") : t("reactivateConfirm")}
                  pendingLabel={t("saving")}
                  variant={user.isActive ? "danger" : "primary"}
                  doneMessage={t(`activeDone.${user.isActive ? "active" : "inactive"}`)}
                  testId="user-active"
                />
              </div>
            )}
          </SectionCard>
          <SectionCard id="user-password-title" title={t("password")}>
            <p className="mt-2 mb-3 text-sm text-slate-600">{t("resetHelp")}</p>
            <AdminForm action={resetUserPasswordAction} hidden={{ userId: user.id }} fields={[]} texts={resetTexts} reveal={{ key: "temporaryPassword", label: t("resetDone") }} testId="reset-password" />
          </SectionCard>
        </div>
      </div>
    </>
  )
}
