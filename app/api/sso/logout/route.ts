// The sign-out button's next stop after ending an SSO session in the app (components/layout/sign-out-button.tsx):
// RP-initiated logout at the provider, or the page offering it, as OIDC_LOGOUT says.
import { ssoSignOutTarget } from "@/lib/auth/sso-sign-out-target"

export const dynamic = "force-dynamic"

export async function GET() {
  return Response.redirect(await ssoSignOutTarget(), 303)
}
