// Authors a new SQL migration from the change of prisma/schema.prisma since the last migration.
// Usage: npm run db:migration -- <name>
// Each migration folder keeps the schema it was generated from (schema.prisma) so that the next
// diff starts from it; the SQL can be edited by hand before it is committed.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"

import { diffSchemas, readSchema } from "./prisma6/run"

const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower case, digits and _ only)")
  process.exit(2)
}
const migrationsDir = path.resolve(import.meta.dirname, "../prisma/migrations")
const previous = existsSync(migrationsDir)
  ? readdirSync(migrationsDir).filter((d) => /^\d{14}_/.test(d)).sort().at(-1)
  : undefined
const snapshot = previous ? path.join(migrationsDir, previous, "schema.prisma") : null
if (snapshot && !existsSync(snapshot)) {
  console.error(`${path.relative(process.cwd(), snapshot)} is missing: copy there the schema that migration left (prisma/schema.prisma if nothing changed since), then run again.`)
  process.exit(2)
}
const previousSchema = snapshot ? readFileSync(snapshot, "utf8") : null
const current = readSchema()
const sql = diffSchemas(previousSchema, current)
if (!/^(CREATE|ALTER|DROP)/m.test(sql)) {
  console.log("No schema change since", previous ?? "the empty database")
  process.exit(0)
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14)
const dir = path.join(migrationsDir, `${stamp}_${name}`)
mkdirSync(dir, { recursive: true })
writeFileSync(path.join(dir, "migration.sql"), sql)
writeFileSync(path.join(dir, "schema.prisma"), current)
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`)
