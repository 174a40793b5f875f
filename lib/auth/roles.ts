// Who may do what, by role: plain data, read on the server (pages, actions) and in the browser (the
// header's navigation when it learns the viewer there, components/layout/header-viewer.ts).

export type Role = "ADMIN" | "TEACHER" | "STUDENT"

/** Role required by a page or action: admins hold every role (they are superusers). */
export type RequiredRole = "teacher" | "admin"

export function hasRole(user: { role: Role }, role: RequiredRole): boolean {
  if (user.role === "ADMIN") return true
  return role === "teacher" && user.role === "TEACHER"
}
