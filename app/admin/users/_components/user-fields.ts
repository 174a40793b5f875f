import type { AdminFormField } from "@/components/admin/admin-form"

/** The keys of adminUsers.errors a user form can show under a field. */
export const USER_FIELD_ERRORS = ["required", "tooLong", "usernameTooShort", "usernameInvalid", "emailInvalid", "roleInvalid", "CONFLICT", "OWN_ACCOUNT"]

type T = (key: string) => string

/** The fields an admin edits on an account (names drive the matching of BBB moderators). */
export function userEditFields(
  t: T,
  values: { firstName?: string; lastName?: string; role?: string; rolePinned?: boolean; externalId?: string | null } = {},
): AdminFormField[] {
  return [
    { kind: "text", name: "firstName", label: t("firstName"), defaultValue: values.firstName, required: true, maxLength: 150 },
    { kind: "text", name: "lastName", label: t("lastName"), hint: t("namesHint"), defaultValue: values.lastName, required: true, maxLength: 150 },
    {
      kind: "select",
      name: "role",
      label: t("role"),
      defaultValue: values.role ?? "STUDENT",
      options: ["STUDENT", "TEACHER", "ADMIN"].map((r) => ({ value: r, label: t(`roles.${r}`) })),
    },
    // Only on an existing account's page where the directory may set roles (a new account has no directory role yet).
    ...(values.rolePinned === undefined
      ? []
      : [{ kind: "checkbox" as const, name: "rolePinned", label: t("rolePinned"), hint: t("rolePinnedHint"), defaultChecked: values.rolePinned }]),
    { kind: "text", name: "externalId", label: t("externalId"), hint: t("externalIdHint"), defaultValue: values.externalId ?? "", maxLength: 255 },
  ]
}
