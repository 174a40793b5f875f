// Where the browser goes once an SSO session is signed out of the app (OIDC_LOGOUT): the provider's
// end_session_endpoint at once ("always"), the sign-in page offering it ("offer"), or the Directs page
// when the setting is "off" or the provider offers no RP-initiated logout.
import { getEnv } from "@/lib/config/env"

import { getOidcEndSessionUrl } from "./oidc-discovery"

export async function ssoSignOutTarget(): Promise<string> {
  const env = getEnv()
  const endSession = await getOidcEndSessionUrl()
  if (!endSession) return new URL("/lives", env.APP_URL).toString()
  return env.OIDC_LOGOUT === "always" ? endSession : new URL("/login?signedOut=sso", env.APP_URL).toString()
}
