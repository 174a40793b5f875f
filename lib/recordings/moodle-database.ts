// A connection to one Moodle database, PostgreSQL or MySQL/MariaDB, chosen by the URL's scheme. Queries
// come in both dialects and take bound parameters only. The URL's password never appears in errors.
import mysql from "mysql2/promise"
import pg from "pg"

import { AppError } from "@/lib/errors"

export type MoodleDialect = "postgresql" | "mysql"
export type DialectSql = Record<MoodleDialect, string>

export type MoodleDatabase = {
  /** The DB_PARAMS key (a bbb-origin-server-name or "default"). */
  readonly name: string
  readonly dialect: MoodleDialect
  query<T extends Record<string, unknown>>(sql: DialectSql, params: unknown[]): Promise<T[]>
  /** Runs an UPDATE/INSERT; returns the number of rows changed. */
  execute(sql: DialectSql, params: unknown[]): Promise<number>
  close(): Promise<void>
}

const CONNECT_TIMEOUT_MS = 10_000

export function describeMoodleDatabase(name: string, url: string): string {
  const parsed = new URL(url)
  return `Moodle database "${name}" (${parsed.protocol.replace(":", "")}://${parsed.host}${parsed.pathname})`
}

export async function openMoodleDatabase(name: string, url: string): Promise<MoodleDatabase> {
  const label = describeMoodleDatabase(name, url)
  const protocol = new URL(url).protocol
  try {
    if (protocol === "postgresql:" || protocol === "postgres:") {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS })
      client.on("error", () => undefined) // a dropped connection surfaces on the next query
      await client.connect()
      return {
        name,
        dialect: "postgresql",
        async query<T extends Record<string, unknown>>(sql: DialectSql, params: unknown[]) {
          return (await run(label, () => client.query(sql.postgresql, params))).rows as T[]
        },
        async execute(sql, params) {
          return (await run(label, () => client.query(sql.postgresql, params))).rowCount ?? 0
        },
        close: () => client.end(),
      }
    }
    const connection = await mysql.createConnection({ uri: url.replace(/^mariadb:/, "mysql:"), connectTimeout: CONNECT_TIMEOUT_MS, charset: "utf8mb4" })
    connection.on("error", () => undefined)
    return {
      name,
      dialect: "mysql",
      async query<T extends Record<string, unknown>>(sql: DialectSql, params: unknown[]) {
        const [rows] = await run(label, () => connection.execute(sql.mysql, params as mysql.ExecuteValues))
        return rows as T[]
      },
      async execute(sql, params) {
        const [result] = await run(label, () => connection.execute(sql.mysql, params as mysql.ExecuteValues))
        return (result as mysql.ResultSetHeader).affectedRows
      },
      close: () => connection.end(),
    }
  } catch (error) {
    throw new AppError("DATABASE_UNAVAILABLE", { message: `${label} is unreachable: ${reasonOf(error)}`, cause: error })
  }
}

/** Permission refused (a read-only Moodle account): PostgreSQL 42501, MySQL 1142/1044/1045. */
export function isPermissionDenied(error: unknown): boolean {
  const cause = error instanceof AppError ? error.cause : error
  const e = cause as { code?: unknown; errno?: unknown } | undefined
  return e?.code === "42501" || e?.code === "ER_TABLEACCESS_DENIED_ERROR" || e?.errno === 1142 || e?.errno === 1044
}

async function run<T>(label: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation()
  } catch (error) {
    throw new AppError("DATABASE_UNAVAILABLE", { message: `${label}: ${reasonOf(error)}`, cause: error })
  }
}

function reasonOf(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown; errors?: unknown[] }
  if (Array.isArray(e?.errors) && e.errors.length > 0) return reasonOf(e.errors[0])
  const message = typeof e?.message === "string" && e.message ? e.message : String(error)
  return typeof e?.code === "string" && !message.includes(e.code) ? `${e.code} ${message}` : message
}
