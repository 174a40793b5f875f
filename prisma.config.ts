// Prisma 7 CLI configuration (used by `prisma generate`). Migrations are applied by our own runner
// (scripts/db-migrate.ts) because the schema engine cannot be downloaded on every machine.
import { defineConfig } from "prisma/config"

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/bbb_pod_live" },
})
