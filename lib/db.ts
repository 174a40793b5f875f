// The one Prisma client of the process (Prisma 7 with the pg driver adapter: no engine binary).
import { PrismaPg } from "@prisma/adapter-pg"

import { getEnv } from "@/lib/config/env"
import { PrismaClient } from "@/lib/generated/prisma/client"

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: getEnv().DATABASE_URL, max: 10 })
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } })
}

const globalForDb = globalThis as unknown as { db?: PrismaClient }

export const db: PrismaClient = globalForDb.db ?? createClient()
if (getEnv().NODE_ENV !== "production") globalForDb.db = db

export type Db = PrismaClient
