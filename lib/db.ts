// The one Prisma client of the process (Prisma 7 with the pg driver adapter: no engine binary).
// Created on first use, so importing this module never reads the settings.
import { PrismaPg } from "@prisma/adapter-pg"

import { getEnv } from "@/lib/config/env"
import { PrismaClient } from "@/lib/generated/prisma/client"

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: getEnv().DATABASE_URL, max: 10 })
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } })
}

const globalForDb = globalThis as unknown as { db?: PrismaClient }

function getClient(): PrismaClient {
  // Cached on globalThis so that Next.js hot reloads in development reuse the connection pool.
  globalForDb.db ??= createClient()
  return globalForDb.db
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = getClient()
    const value = Reflect.get(real, property, real) as unknown
    return typeof value === "function" ? value.bind(real) : value
  },
})

export type Db = PrismaClient
