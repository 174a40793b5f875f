#!/usr/bin/env bash
# Started by Playwright (webServer): a fresh e2e database, migrated and seeded, then the built app.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsx scripts/recreate-db.ts "$DATABASE_URL"
npx tsx scripts/db-migrate.ts >/dev/null
npx tsx prisma/seed/demo.ts >/dev/null
exec npx next start -p "$PORT"
