import { z } from "zod"

export const roleSchema = z.enum(["ADMIN", "TEACHER", "STUDENT"])
export type Role = z.infer<typeof roleSchema>

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
  password: z.string().min(8).max(200).optional(),
  externalId: z.string().trim().min(1).max(255).optional(),
  oidcSubject: z.string().trim().min(1).max(255).optional(),
})
export type CreateUserInput = z.input<typeof createUserInputSchema>

export const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
})
export type Credentials = z.infer<typeof credentialsSchema>
