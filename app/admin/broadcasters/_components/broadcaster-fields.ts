import type { AdminFormField } from "@/components/admin/admin-form"

/** The keys of adminBroadcasters.errors a broadcaster form can show under a field. */
export const BROADCASTER_FIELD_ERRORS = ["required", "tooLong", "slugInvalid", "urlInvalid", "buildingRequired", "CONFLICT", "INVALID_INPUT"]

type T = (key: string) => string

export function broadcasterFields(
  t: T,
  buildings: { id: number; name: string }[],
  values: { name?: string; slug?: string; hlsUrl?: string; buildingId?: number; isRestricted?: boolean; isPublic?: boolean } = {},
): AdminFormField[] {
  return [
    { kind: "text", name: "name", label: t("name"), defaultValue: values.name, required: true, maxLength: 200 },
    { kind: "text", name: "slug", label: t("slug"), hint: t("slugHint"), defaultValue: values.slug, maxLength: 80 },
    { kind: "url", name: "hlsUrl", label: t("hlsUrl"), defaultValue: values.hlsUrl, required: true, maxLength: 500 },
    {
      kind: "select",
      name: "buildingId",
      label: t("building"),
      defaultValue: values.buildingId ? String(values.buildingId) : "",
      options: [{ value: "", label: t("chooseBuilding") }, ...buildings.map((b) => ({ value: String(b.id), label: b.name }))],
    },
    { kind: "checkbox", name: "isPublic", label: t("isPublic"), hint: t("isPublicHint"), defaultChecked: values.isPublic ?? true },
    { kind: "checkbox", name: "isRestricted", label: t("isRestricted"), hint: t("isRestrictedHint"), defaultChecked: values.isRestricted ?? false },
  ]
}
