import { installPeerAddressHeader } from "@/lib/auth/peer-address"
import { getEnv } from "@/lib/config/env"
import { assertServices } from "@/lib/health/check-services"

export async function checkStartup(): Promise<void> {
  try {
    // Sign-in throttling needs the real client address (lib/auth/client-ip.ts).
    installPeerAddressHeader()
    await assertServices(getEnv())
  } catch (error) {
    console.error(`\nbbb-pod-live cannot start:\n${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
}
