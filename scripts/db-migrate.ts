// npm run db:migrate — creates the database if needed and applies pending migrations.
import { bootstrap } from "@/lib/boot/bootstrap"
import { applyMigrations, ensureDatabase } from "@/prisma/migrate"

// .env only: this runs before the settings are complete (setup), and needs DATABASE_URL alone.
await bootstrap("db:migrate", { settings: false })
const url = process.env.DATABASE_URL
if (!url) {
  console.error("DATABASE_URL is not set (see .env.example)")
  process.exit(2)
}
try {
  if (await ensureDatabase(url)) console.log("Created database", new URL(url).pathname.slice(1))
  const { applied, skipped } = await applyMigrations(url)
  console.log(`Migrations: ${applied.length} applied, ${skipped.length} already there`)
  for (const name of applied) console.log("  applied", name)
} catch (error) {
  const e = error as Error & { code?: string }
  if (e.code === "ECONNREFUSED") console.error(`PostgreSQL does not answer at ${new URL(url).host}: is it running?`)
  else console.error(e.message)
  process.exit(1)
}
