// Loads .env (then .env.local) into process.env for CLI scripts, without overriding real variables.
// Next.js loads the same files itself; workers and scripts call this first.
import { existsSync } from "node:fs"
import path from "node:path"

export function loadDotEnv(root = path.resolve(import.meta.dirname, "../..")): void {
  for (const file of [".env.local", ".env"]) {
    const full = path.join(root, file)
    if (existsSync(full)) process.loadEnvFile(full)
  }
}
