// The one start-up of every entry point that is not Next.js (workers, agent, CLIs): load .env, validate
// the settings (a bad one stops the process with a message naming it), and check that PostgreSQL and
// Redis answer. Logger and database are created lazily, so entry points import them statically.
// In lib/boot, the top of the lib graph: it uses config and health, which must not depend on it.
import { getEnv, settingsWarnings, type Env } from "@/lib/config/env"
import { loadDotEnv } from "@/lib/config/load-dotenv"
import { assertServices } from "@/lib/health/check-services"

export async function bootstrap(name: string, options: { services?: boolean } = {}): Promise<Env> {
  loadDotEnv()
  let env: Env
  try {
    env = getEnv()
  } catch (error) {
    console.error(`\nbbb-pod-live ${name} cannot start:\n${(error as Error).message}\n`)
    process.exit(2)
  }
  for (const warning of settingsWarnings(env)) console.warn(`bbb-pod-live ${name}: ${warning}`)
  if (options.services !== false) {
    try {
      await assertServices(env)
    } catch (error) {
      console.error(`\nbbb-pod-live ${name} cannot start:\n${(error as Error).message}\n`)
      process.exit(1)
    }
  }
  return env
}
