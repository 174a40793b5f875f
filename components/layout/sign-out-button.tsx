"use client"

import { signOut } from "next-auth/react"

import { Button } from "@/components/ui/button"

export function SignOutButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" size="sm" className="shrink-0 whitespace-nowrap" onClick={() => signOut({ callbackUrl: "/lives" })}>
      {label}
    </Button>
  )
}
