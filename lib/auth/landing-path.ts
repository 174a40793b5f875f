// Where a signed-in visitor lands when nothing asked for a page (no callbackUrl): the page of their
// role's work. Teachers on « Réaliser un direct » (when lives are enabled), admins on the
// administration, students and anonymous visitors on « Directs ».
import type { Role } from "./roles"

export function landingPath(user: { role: Role } | null, options: { livesEnabled: boolean }): string {
  if (user?.role === "ADMIN") return "/admin"
  if (user?.role === "TEACHER" && options.livesEnabled) return "/meetings"
  return "/lives"
}
