import { bootstrap } from "@/lib/boot/bootstrap"

export async function checkStartup(): Promise<void> {
  // Next.js loaded .env itself (with its own precedence): only the settings and the services here.
  await bootstrap("web", { dotenv: false })
}
