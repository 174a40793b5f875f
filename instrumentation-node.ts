import { getEnv, settingsWarnings } from "@/lib/config/env"
import { assertServices } from "@/lib/health/check-services"

export async function checkStartup(): Promise<void> {
  try {
    const env = getEnv()
    for (const warning of settingsWarnings(env)) console.warn(`bbb-pod-live: ${warning}`)
    await assertServices(env)
  } catch (error) {
    console.error(`\nbbb-pod-live cannot start:\n${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
}
