import { getEnv } from "@/lib/config/env"
import { assertServices } from "@/lib/health/check-services"

export async function checkStartup(): Promise<void> {
  try {
    await assertServices(getEnv())
  } catch (error) {
    console.error(`\nbbb-pod-live cannot start:\n${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
}
