// Where a signed-in visitor lands when nothing asked for a page (no callbackUrl): the page of their
// role's work. Teachers on « Réaliser un direct » (when lives are enabled), admins on the
// administration, students and anonymous visitors on « Directs ». An account holding a temporary
// password chooses its own first.
import { CHANGE_PASSWORD_PATH } from "./change-password-path"
import type { Role } from "./roles"

export function landingPath(user: { role: Role; mustChangePassword?: boolean } | null, options: { livesEnabled: boolean }): string {
  if (user?.mustChangePassword) return CHANGE_PASSWORD_PATH
  if (user?.role === "ADMIN") return "/admin"
  if (user?.role === "TEACHER" && options.livesEnabled) return "/meetings"
  return "/lives"
}
