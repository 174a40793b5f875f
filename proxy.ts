// Next 16 proxy (formerly middleware): only sends anonymous visitors of protected pages to sign-in
// with a return URL. It is never the authorisation check: every page and action checks the role.
import { getToken } from "next-auth/jwt"
import { NextResponse, type NextRequest } from "next/server"

import { getEnv } from "@/lib/config/env"

const PROTECTED = ["/meetings", "/admin", "/recordings"]

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl
  if (!PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next()
  const token = await getToken({ req: request, secret: getEnv().AUTH_SECRET })
  if (token) return NextResponse.next()
  const login = new URL("/login", request.url)
  login.searchParams.set("callbackUrl", `${pathname}${search}`)
  return NextResponse.redirect(login)
}

export const config = { matcher: ["/meetings/:path*", "/admin/:path*", "/recordings/:path*"] }
