// Doctor: the settings parse with the schema every process uses (lib/config/env.ts).
import { InvalidSettingsError, parseEnv, type Env } from "@/lib/config/env"

import { fail, pass, type DoctorCheck } from "./doctor-check"

export function checkSettings(source: Record<string, string | undefined>): { check: DoctorCheck; env: Env | null } {
  try {
    const env = parseEnv(source)
    return { env, check: pass("Settings", `valid (NODE_ENV=${env.NODE_ENV}, APP_URL=${env.APP_URL}, REDIS_PREFIX=${env.REDIS_PREFIX})`) }
  } catch (error) {
    const detail = error instanceof InvalidSettingsError ? error.message.replace(/\n\s*/g, " ") : String(error)
    return { env: null, check: fail("Settings", detail, "correct the settings named in the environment file of each role (deploy/env/*.env.example, .env.example); no other check runs until they are valid") }
  }
}
