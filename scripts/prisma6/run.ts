// Runs Prisma 6's CLI (npm alias "prisma6") offline: its wasm schema engine authors SQL without the
// native engine that Prisma 7's CLI would download. Prisma 6 wants `url` in the datasource and the
// "prisma-client-js" generator, so the schema is first rewritten into a temporary copy.
import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"

const root = path.resolve(import.meta.dirname, "../..")

/** Returns a path to a Prisma-6-compatible copy of the given schema text. */
export function toPrisma6Schema(schemaText: string): string {
  const rewritten = schemaText
    .replace(/provider\s*=\s*"postgresql"/, 'provider = "postgresql"\n  url      = env("DATABASE_URL")')
    .replace(/generator client \{[^}]*\}/, 'generator client {\n  provider = "prisma-client-js"\n}')
  const dir = mkdtempSync(path.join(tmpdir(), "prisma6-"))
  const file = path.join(dir, "schema.prisma")
  writeFileSync(file, rewritten)
  return file
}

/** SQL that turns the database described by `from` (null = empty) into the one described by `to`. */
export function diffSchemas(from: string | null, to: string): string {
  const toFile = toPrisma6Schema(to)
  const args = [
    path.join(root, "node_modules/prisma6/build/index.js"),
    "migrate",
    "diff",
    "--config",
    path.join(root, "scripts/prisma6/prisma.config.ts"),
    ...(from === null ? ["--from-empty"] : ["--from-schema-datamodel", toPrisma6Schema(from)]),
    "--to-schema-datamodel",
    toFile,
    "--script",
  ]
  return execFileSync(process.execPath, args, {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PRISMA6_SCHEMA: toFile,
      DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
      // Generate/diff never run these binaries; pointing at an existing file stops the download.
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/true",
      PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? "/bin/true",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  })
}

export function readSchema(file = path.join(root, "prisma/schema.prisma")): string {
  return readFileSync(file, "utf8")
}
