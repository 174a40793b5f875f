// Prisma 6's CLI, used only to author migration SQL offline (its wasm schema engine needs no download).
// See scripts/migration-new.ts (npm run db:migration).
import { PrismaPg } from "@prisma/adapter-pg"
import { defineConfig } from "prisma6/config"

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: process.env.PRISMA6_SCHEMA ?? "prisma/schema.prisma",
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" })
  },
})
