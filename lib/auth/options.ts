// next-auth 4 configuration: local accounts (bcrypt) and, when its settings are present, one OpenID
// Connect provider (how universities plug CAS / Keycloak / Shibboleth through OIDC, docs/sso.md).
// LOCAL_SIGN_IN=false keeps password sign-in for the break-glass admin only (sign-in-locally.ts).
// Sessions are JWTs carrying only the user id and the account's session version at sign-in; role,
// status and version are re-read from the database on each request (lib/auth/find-session-user.ts),
// so a demoted or disabled account loses access at once, and a signed-out session is worth nothing
// even if its cookie is replayed (sign-out raises the version: events.signOut).
import type { NextAuthOptions } from "next-auth"
import CredentialsProvider from "next-auth/providers/credentials"
import type { OAuthConfig } from "next-auth/providers/oauth"

import { getEnv, isHttpsApp, isOidcEnabled } from "@/lib/config/env"
import { isAppError } from "@/lib/errors"
import { announceSessionsEnded } from "@/lib/events/sessions-ended-feed"
import { logger } from "@/lib/logger"
import { FORWARDED_FOR_HEADER } from "@/lib/config/front-contract"
import { endUserSessions, getSessionStamp } from "@/lib/users/end-user-sessions"
import { oidcProfileSchema, upsertOidcUser, type OidcProfile } from "@/lib/users/upsert-oidc-user"

import { getClientIp, PEER_ADDRESS_HEADER, trustedProxyList } from "./client-ip"
import { findSessionUser } from "./find-session-user"
import { discoveryUrl } from "./oidc-discovery"
import { throttledSignInError } from "./sign-in-error"
import { signInLocally } from "./sign-in-locally"

export const OIDC_PROVIDER_ID = "oidc"

function oidcProvider(): OAuthConfig<OidcProfile> {
  const env = getEnv()
  return {
    id: OIDC_PROVIDER_ID,
    name: env.OIDC_DISPLAY_NAME,
    type: "oauth",
    wellKnown: discoveryUrl(env),
    authorization: { params: { scope: env.OIDC_SCOPES } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    profile(profile) {
      return { id: profile.sub, email: profile.email, name: profile.name ?? profile.email }
    },
  }
}

export function getAuthOptions(): NextAuthOptions {
  const env = getEnv()
  const providers: NextAuthOptions["providers"] = []
  if (env.AUTH_LOCAL_ACCOUNTS) {
    providers.push(
      CredentialsProvider({
        name: "credentials",
        credentials: { username: { type: "text" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const header = (name: string) => {
            const value = request?.headers?.[name] as string | string[] | undefined
            return Array.isArray(value) ? value.join(",") : value
          }
          const ip = getClientIp({
            peer: header(PEER_ADDRESS_HEADER),
            forwardedFor: header(FORWARDED_FOR_HEADER.toLowerCase()), // Node lowercases header names
            trustedProxies: trustedProxyList(env.TRUSTED_PROXIES),
          })
          try {
            const result = await signInLocally(credentials, { ip })
            return result.ok ? { id: String(result.user.id), name: result.user.name, email: result.user.email } : null
          } catch (error) {
            // next-auth hands the message of an error thrown here to the sign-in page as `error`.
            if (isAppError(error) && error.code === "SIGN_IN_THROTTLED") {
              throw new Error(throttledSignInError(Number(error.details?.retryAfterSeconds ?? env.LOGIN_BLOCK_SECONDS)))
            }
            throw error
          }
        },
      }),
    )
  }
  if (isOidcEnabled(env)) providers.push(oidcProvider())

  return {
    secret: env.AUTH_SECRET,
    // Cookies marked Secure (and __Secure- prefixed) when the public URL is HTTPS.
    useSecureCookies: isHttpsApp(env),
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers,
    logger: {
      error: (code, metadata) => logger.error({ code, metadata }, "next-auth error"),
      warn: (code) => logger.warn({ code }, "next-auth warning"),
      debug: () => undefined,
    },
    events: {
      // Signing out ends the session for good (and the account's other sessions with it): the
      // cookie is only deleted from this browser, a copy of it must not keep working.
      async signOut({ token }) {
        const { uid, sv } = (token ?? {}) as { uid?: unknown; sv?: unknown }
        if (typeof uid !== "number") return
        if (await endUserSessions(uid, { onlyIfVersion: typeof sv === "number" ? sv : 0 })) await announceSessionsEnded(uid)
      },
    },
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true
        const parsed = oidcProfileSchema.safeParse(profile)
        if (!parsed.success) {
          logger.warn({ issues: parsed.error.issues }, "OIDC profile without the claims we need (sub, email)")
          return false
        }
        const user = await upsertOidcUser(parsed.data)
        return user.isActive
      },
      async jwt({ token, user, account, profile }) {
        if (account?.provider === OIDC_PROVIDER_ID && profile) {
          const parsed = oidcProfileSchema.parse(profile)
          const dbUser = await upsertOidcUser(parsed)
          token.uid = dbUser.id
          token.sso = true // its sign-out may also end the session at the provider
        } else if (user) {
          token.uid = Number(user.id)
        }
        // A new session is stamped with the account's current session version, and says whether the
        // account must choose its own password first (the proxy sends it there: change-password-path.ts).
        // Not an SSO sign-in: it did not use the temporary password.
        if ((account || user) && typeof token.uid === "number") {
          const stamp = await getSessionStamp(token.uid)
          token.sv = stamp?.sessionVersion ?? -1
          if (stamp?.mustChangePassword && account?.provider !== OIDC_PROVIDER_ID) token.mcp = true
          else delete token.mcp
        }
        // next-auth's own session endpoint (/api/auth/session) re-issues the cookie: not for an ended
        // session (throwing makes next-auth answer {} and delete the cookie).
        else if (typeof token.uid === "number") {
          const current = await findSessionUser({ userId: token.uid, sessionVersion: typeof token.sv === "number" ? token.sv : 0 })
          if (!current) throw new Error("session ended")
        }
        return token
      },
      async session({ session, token }) {
        return { ...session, uid: typeof token.uid === "number" ? token.uid : undefined, sso: token.sso === true }
      },
    },
  }
}
