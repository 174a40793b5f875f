// The one start-up of every process: workers, agent, CLIs, benches, tools that read our settings, the
// HTTP server (server.ts) and Next.js itself (instrumentation-node.ts). In order: load .env, validate
// the settings (a bad one stops the process with exit status 2 and a message naming it), and check
// that PostgreSQL and Redis answer (exit status 1). Each step can be left out where the process needs
// it so, and says why at the call. Logger and database are created lazily, so entry points import them
// statically and call bootstrap() first thing.
// In lib/boot, the top of the lib graph: it uses config and health, which must not depend on it.
import { getEnv, settingsWarnings, type Env } from "@/lib/config/env"
import { loadDotEnv } from "@/lib/config/load-dotenv"
import { assertServices } from "@/lib/health/check-services"

export type BootstrapOptions = {
  /** Read .env then .env.local (never over real variables). false: the caller set process.env itself (benches, on their own databases). */
  dotenv?: boolean
  /** Validate the settings and print their warnings. false: .env only, for a process whose settings are not complete yet (db:migrate) or are validated later by Next.js (server.ts). */
  settings?: boolean
  /** Check that PostgreSQL and Redis answer (needs the settings). */
  services?: boolean
}

function stop(name: string, error: unknown, status: number): never {
  console.error(`\nbbb-pod-live ${name} cannot start:\n${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(status)
}

export async function bootstrap(name: string, options: BootstrapOptions & { settings: false }): Promise<null>
export async function bootstrap(name: string, options?: BootstrapOptions & { settings?: true }): Promise<Env>
export async function bootstrap(name: string, options: BootstrapOptions = {}): Promise<Env | null> {
  if (options.dotenv !== false) loadDotEnv()
  if (options.settings === false) return null
  let env: Env
  try {
    env = getEnv()
  } catch (error) {
    stop(name, error, 2)
  }
  for (const warning of settingsWarnings(env)) console.warn(`bbb-pod-live ${name}: ${warning}`)
  if (options.services !== false) {
    try {
      await assertServices(env)
    } catch (error) {
      stop(name, error, 1)
    }
  }
  return env
}
