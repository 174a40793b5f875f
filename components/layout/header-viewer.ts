"use client"

// Who the header shows as signed in. The server knows it on most pages and hands it over; a members'
// render (a restricted live's page, the same bytes for every member: lib/security/shared-cache.ts)
// hands over `undefined`, and the browser asks GET /api/me once per page load.
import { useEffect, useState } from "react"

import type { Role } from "@/lib/auth/roles"

/** `hasPassword`: a local password is set, « Mot de passe » is offered (not to an SSO-only account). */
export type HeaderViewer = { firstName: string; lastName: string; role: Role; hasPassword?: boolean }

let asked: Promise<HeaderViewer | null | undefined> | null = null

/** The viewer, null (nobody signed in), or undefined when the app could not say (then shown as unknown, not as signed out). */
function askViewer(): Promise<HeaderViewer | null | undefined> {
  asked ??= fetch("/api/me", { cache: "no-store", credentials: "same-origin" })
    .then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      return ((await response.json()) as { viewer: HeaderViewer | null }).viewer
    })
    .catch(() => {
      asked = null // asked again by the next component that mounts
      return undefined
    })
  return asked
}

/**
 * `initial`: the viewer the server rendered for (null: anonymous), or undefined when it rendered for
 * every member. Returns undefined until the browser knows.
 */
export function useHeaderViewer(initial: HeaderViewer | null | undefined): HeaderViewer | null | undefined {
  const [viewer, setViewer] = useState(initial)
  useEffect(() => {
    if (initial !== undefined) return setViewer(initial)
    let current = true
    void askViewer().then((v) => {
      if (current) setViewer(v)
    })
    return () => {
      current = false
    }
  }, [initial])
  return viewer
}
