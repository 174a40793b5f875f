import type { ReactNode } from "react"

import { getCurrentUser, hasRole } from "@/lib/auth/session"

import { AdminNav } from "@/components/admin/admin-nav"

/**
 * The admin area's frame: its sub-navigation, shown to admins only. Not an access check (a layout
 * does not re-run on every navigation): each page, action and handler checks the role itself.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser()
  return (
    <>
      {user && hasRole(user, "admin") && <AdminNav />}
      {children}
    </>
  )
}
