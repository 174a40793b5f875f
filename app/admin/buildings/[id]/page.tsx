import { notFound } from "next/navigation"
import { getTranslations } from "next-intl/server"

import { getBuildingForAdmin } from "@/lib/broadcasters/get-building-for-admin"
import { listBuildingChoices } from "@/lib/broadcasters/list-building-choices"

import { AdminForm } from "@/components/admin/admin-form"
import { adminFormTexts } from "@/components/admin/admin-form-texts"
import { SectionCard } from "@/components/ui/card"
import { ConfirmAction } from "@/components/ui/confirm-action"
import { TextLink } from "@/components/ui/link-button"
import { PageHeader } from "@/components/ui/page-header"

import { titleMetadata } from "@/app/_lib/title-metadata"
import { readAdminRecordId } from "@/app/admin/_lib/page-params"

import { deleteBuildingAction, updateBuildingAction } from "../actions"

export const dynamic = "force-dynamic"

export const generateMetadata = titleMetadata("adminBuildings", "editTitle")

export default async function EditBuildingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await readAdminRecordId("/admin/buildings", params)
  const [t, tConfirm, building, buildings] = await Promise.all([getTranslations("adminBuildings"), getTranslations("confirmAction"), getBuildingForAdmin(id), listBuildingChoices()])
  if (!building) notFound()
  const [editTexts, deleteTexts] = await Promise.all([
    adminFormTexts("adminBuildings", ["required", "tooLong", "CONFLICT"], { submit: t("save"), pending: t("saving"), saved: t("saved") }),
    adminFormTexts("adminBuildings", ["BUILDING_NOT_EMPTY", "INVALID_INPUT"], { submit: t("moveAndDelete", { count: building.broadcasterCount }), pending: t("deleting"), variant: "danger" }),
  ])
  const others = buildings.filter((b) => b.id !== building.id)
  return (
    <>
      <PageHeader title={t("editTitle")} description={building.name} back={{ href: "/admin/buildings", label: t("title") }} />
      <div className="grid gap-6 lg:grid-cols-2">
        <SectionCard id="edit-building-title" title={t("rename")}>
          <div className="mt-3">
            <AdminForm
              action={updateBuildingAction}
              hidden={{ buildingId: building.id }}
              fields={[{ kind: "text", name: "name", label: t("name"), defaultValue: building.name, required: true, maxLength: 100 }]}
              texts={editTexts}
              testId="building-form"
            />
          </div>
        </SectionCard>
        <SectionCard id="delete-building-title" title={t("delete")}>
          <p className="mt-2 mb-3 text-sm text-slate-600" data-testid="building-broadcasters">
            {building.broadcasterCount > 0 ? t("deleteNotEmpty", { count: building.broadcasterCount }) : t("deleteEmpty")}{" "}
            {building.broadcasterCount > 0 && <TextLink href={`/admin/broadcasters?buildingId=${building.id}`}>{t("seeBroadcasters")}</TextLink>}
          </p>
          {building.broadcasterCount === 0 ? (
            <ConfirmAction
              action={deleteBuildingAction}
              fields={{ buildingId: building.id }}
              label={t("delete")}
              question={t("deleteQuestion", { name: building.name })}
              confirmLabel={t("deleteConfirm")}
              pendingLabel={t("deleting")}
              testId="delete-building"
            />
          ) : (
            <AdminForm
              action={deleteBuildingAction}
              hidden={{ buildingId: building.id }}
              fields={[
                {
                  kind: "select",
                  name: "moveToBuildingId",
                  label: t("moveTo"),
                  options: [{ value: "", label: t("chooseBuilding") }, ...others.map((b) => ({ value: String(b.id), label: b.name }))],
                },
              ]}
              texts={deleteTexts}
              confirm={{ question: t("moveQuestion", { count: building.broadcasterCount, name: building.name }), confirmLabel: t("deleteConfirm"), cancelLabel: tConfirm("cancel") }}
              testId="delete-building"
            />
          )}
        </SectionCard>
      </div>
    </>
  )
}
