// What the admin pages and the audit log know of an account: never its password hash.
import type { Prisma } from "@/lib/generated/prisma/client"

export const adminUserSelect = {
  id: true,
  username: true,
  email: true,
  firstName: true,
  lastName: true,
  role: true,
  rolePinned: true,
  externalId: true,
  isActive: true,
  createdAt: true,
} satisfies Prisma.UserSelect

export type AdminUser = Prisma.UserGetPayload<{ select: typeof adminUserSelect }>

/** The audited values of an account (no dates, no secrets). */
export function userAuditValues(user: AdminUser) {
  const { createdAt: _createdAt, ...values } = user
  return values
}
