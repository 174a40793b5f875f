"use client"

import { getSession, signOut } from "next-auth/react"

import { Button } from "@/components/ui/button"

/** Ends the session; an SSO session then goes by /api/sso/logout (RP-initiated logout, OIDC_LOGOUT). */
export function SignOutButton({ label }: { label: string }) {
  async function onClick() {
    const session = (await getSession().catch(() => null)) as { sso?: boolean } | null
    await signOut({ callbackUrl: session?.sso ? "/api/sso/logout" : "/lives" })
  }
  return (
    <Button variant="secondary" size="sm" className="shrink-0 whitespace-nowrap" onClick={() => void onClick()}>
      {label}
    </Button>
  )
}
