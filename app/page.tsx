import { redirect } from "next/navigation"

import { landingPath } from "@/lib/auth/landing-path"
import { getCurrentUser } from "@/lib/auth/session"
import { getEnv } from "@/lib/config/env"

export const dynamic = "force-dynamic"

/** The home: each visitor's landing page by role (also where sign-in ends when no callbackUrl asks for a page). */
export default async function Home() {
  redirect(landingPath(await getCurrentUser(), { livesEnabled: getEnv().USE_BBB_LIVE }))
}
