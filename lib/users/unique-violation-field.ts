import type { Prisma } from "@/lib/generated/prisma/client"

const COLUMN_OF: Record<string, string> = { username: "username", email: "email", externalId: "external_id" }

/**
 * The form field behind a unique violation (P2002), read from what Prisma reports of the constraint
 * (its shape differs with driver adapters, hence the text search); the first candidate otherwise.
 */
export function uniqueViolationField(error: Prisma.PrismaClientKnownRequestError, fields: string[]): string {
  const text = `${JSON.stringify(error.meta ?? {})} ${error.message}`
  return fields.find((f) => text.includes(COLUMN_OF[f] ?? f) || text.includes(`"${f}"`)) ?? fields[0]!
}
