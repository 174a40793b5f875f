// The migration's settings (the original's in-file settings, now validated environment variables), checked
// against the chosen options: every missing one is named before anything is read or written.
import path from "node:path"

import type { Env } from "@/lib/config/env"
import { AppError } from "@/lib/errors"

import type { MigrateRecordingsOptions } from "./schemas"

export type MigrationSettings = {
  serverUrl: string
  secret: string
  checksumAlgorithm: Env["BBB_CHECKSUM_ALGORITHM"]
  timeoutMs: number
  playbackUrl23: boolean
  recorderId: string
  claimDirectory: string
  adminId: number
  info: string
  ignoredServers: string[]
  useCache: boolean
  cacheFile: string
  moodleDatabases: Record<string, string>
}

export function getMigrationSettings(env: Env, options: MigrateRecordingsOptions): MigrationSettings {
  const missing: string[] = []
  if (!env.SCRIPT_BBB_SERVER_URL) missing.push("SCRIPT_BBB_SERVER_URL (the old BBB or Scalelite server)")
  if (!env.SCRIPT_BBB_SECRET_KEY) missing.push("SCRIPT_BBB_SECRET_KEY (its shared secret)")
  if (options.useImportVideo && !env.SCRIPT_ADMIN_ID) missing.push("SCRIPT_ADMIN_ID (owner of recordings whose moderators are unknown), needed by --use-import-video")
  if (options.useDatabaseMoodle && (!env.DB_PARAMS || Object.keys(env.DB_PARAMS).length === 0)) {
    missing.push('DB_PARAMS (the Moodle databases, e.g. {"default":"postgresql://moodle@db/moodle"}), needed by --use-database-moodle')
  }
  if (missing.length > 0) {
    throw new AppError("INVALID_INPUT", { message: `Missing settings (see .env.example):\n${missing.map((line) => `  - ${line}`).join("\n")}` })
  }
  return {
    serverUrl: env.SCRIPT_BBB_SERVER_URL!,
    secret: env.SCRIPT_BBB_SECRET_KEY!,
    checksumAlgorithm: env.BBB_CHECKSUM_ALGORITHM,
    timeoutMs: Math.max(env.BBB_TIMEOUT_MS, 60_000),
    playbackUrl23: env.SCRIPT_PLAYBACK_URL_23,
    recorderId: env.SCRIPT_RECORDER_ID,
    claimDirectory: path.join(env.DEFAULT_RECORDER_PATH, env.SCRIPT_RECORDER_ID),
    adminId: env.SCRIPT_ADMIN_ID ?? 0,
    info: env.SCRIPT_INFO,
    ignoredServers: env.IGNORED_SERVERS,
    useCache: env.USE_CACHE,
    cacheFile: env.SCRIPT_CACHE_FILE,
    moodleDatabases: env.DB_PARAMS ?? {},
  }
}
