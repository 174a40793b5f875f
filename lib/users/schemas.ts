import { z } from "zod"

import { enumFilter, listParamsSchema } from "@/lib/lists/list-params"

export const roleSchema = z.enum(["ADMIN", "TEACHER", "STUDENT"])
export type Role = z.infer<typeof roleSchema>

/** The rules of a password an account chooses (the temporary ones an admin hands over are longer). */
export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 200

export const createUserInputSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  username: z
    .string()
    .trim()
    .min(2)
    .max(150)
    .regex(/^[\w.@+-]+$/, "letters, digits and . @ + - _ only"),
  firstName: z.string().trim().min(1).max(150),
  lastName: z.string().trim().min(1).max(150),
  role: roleSchema.default("STUDENT"),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH).optional(),
  externalId: z.string().trim().min(1).max(255).optional(),
  oidcSubject: z.string().trim().min(1).max(255).optional(),
})
export type CreateUserInput = z.input<typeof createUserInputSchema>

export const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
})
export type Credentials = z.infer<typeof credentialsSchema>

// Admin forms: every message is a key of adminUsers.errors.
const name = z.string().trim().min(1, "required").max(150, "tooLong")
/** An optional text field: blank means none. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((v) => (v ? v : null))

const adminUsername = z.string().trim().min(2, "usernameTooShort").max(150, "tooLong").regex(/^[\w.@+-]+$/, "usernameInvalid")
const adminEmail = z.string().trim().toLowerCase().email("emailInvalid").max(254, "tooLong")

export const adminCreateUserInputSchema = z.object({
  username: adminUsername,
  email: adminEmail,
  firstName: name,
  lastName: name,
  role: roleSchema.catch("STUDENT"),
  externalId: optionalText(255),
})
export type AdminCreateUserInput = z.infer<typeof adminCreateUserInputSchema>

export const updateUserInputSchema = z.object({
  userId: z.coerce.number().int().positive(),
  /** Left out: unchanged. Unique whatever the case, like at creation. */
  username: adminUsername.optional(),
  email: adminEmail.optional(),
  firstName: name,
  lastName: name,
  role: z.enum(["ADMIN", "TEACHER", "STUDENT"], "roleInvalid"),
  /** A checkbox: "on" when ticked, absent otherwise. Pinned, SSO sign-ins no longer change the role. */
  rolePinned: z
    .union([z.boolean(), z.string()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
  externalId: optionalText(255),
})
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>

export const setUserActiveInputSchema = z.object({
  userId: z.coerce.number().int().positive(),
  isActive: z.enum(["true", "false"]).transform((v) => v === "true"),
})
export type SetUserActiveInput = z.infer<typeof setUserActiveInputSchema>

export const userIdInputSchema = z.object({ userId: z.coerce.number().int().positive() })
export type UserIdInput = z.infer<typeof userIdInputSchema>

export const adminUsersParamsSchema = listParamsSchema({
  sorts: ["name", "username", "role", "createdAt", "id"],
  defaultSort: "name",
  defaultDir: "asc",
  filters: { role: enumFilter(["ADMIN", "TEACHER", "STUDENT"]), status: enumFilter(["active", "inactive"]) },
})
export type AdminUsersParams = z.output<typeof adminUsersParamsSchema>

/** « Changer mon mot de passe »: every message is a key of account.errors. */
export const changePasswordInputSchema = z
  .object({
    currentPassword: z.string().min(1, "currentRequired").max(PASSWORD_MAX_LENGTH, "currentWrong"),
    newPassword: z.string().min(PASSWORD_MIN_LENGTH, "passwordTooShort").max(PASSWORD_MAX_LENGTH, "passwordTooLong"),
    confirmPassword: z.string(),
  })
  .refine((v) => v.confirmPassword === v.newPassword, { path: ["confirmPassword"], message: "passwordMismatch" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "passwordUnchanged" })
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>
