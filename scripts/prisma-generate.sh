#!/usr/bin/env bash
# Generates the Prisma 7 client (lib/generated/prisma). Prisma's CLI downloads engine binaries it does
# not need for `generate`; where that download is impossible (no internet), point it at any file.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${PRISMA_SCHEMA_ENGINE_BINARY:-}" ] && ! ls node_modules/@prisma/engines/schema-engine-* >/dev/null 2>&1; then
  export PRISMA_SCHEMA_ENGINE_BINARY=/bin/true PRISMA_QUERY_ENGINE_LIBRARY=/bin/true
fi
export PRISMA_HIDE_UPDATE_MESSAGE=1
node node_modules/prisma/build/index.js generate >/dev/null
echo "Prisma client generated in lib/generated/prisma"
