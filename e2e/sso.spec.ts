// Sign-in through the university's SSO, for real: a live OpenID Provider (oidc-provider, started here
// on this instance's port) and its login page in Chromium. Roles come from eduPersonAffiliation
// (OIDC_ROLE_CLAIM in E2E_ENV); names from the directory drive the matching of BBB moderators.
import { randomUUID } from "node:crypto"

import { expect, test, type Page } from "@playwright/test"

import { attendeeLink, findUserRow } from "./fixtures/admin-db"
import { apiSignIn, openAccountMenu, USERS } from "./fixtures/auth"
import { E2E_ENV, OIDC_ISSUER } from "./fixtures/env"
import { createOidcProvider, type Directory, type DirectoryUser } from "./fixtures/oidc-provider"
import { simulator } from "./fixtures/simulator"

const SSO_BUTTON = "Se connecter avec Université SSO"

// The teacher is the moderator of a demo session nobody's account matches yet (scripts/demo-meetings.ts).
const DEMO_SESSION = { name: "Amphi L2 — Chimie organique", moderator: "H. Lefèvre-Durand" }
const INITIAL: Record<string, DirectoryUser> = {
  "hlefevre-durand": { given_name: "H.", family_name: "Lefèvre-Durand", email: "h.lefevre-durand@univ-e2e.example", email_verified: true, eduPersonAffiliation: ["faculty", "member"] },
  lgarnier: { given_name: "Lucas", family_name: "Garnier", email: "lucas.garnier@etu.univ-e2e.example", email_verified: true, eduPersonAffiliation: ["student", "member"] },
}

const directory: Directory = new Map()
const provider = createOidcProvider(directory)

test.beforeAll(async () => {
  await provider.start()
})
test.afterAll(async () => {
  await provider.stop()
})
test.beforeEach(async () => {
  await simulator.reset()
  for (const [login, user] of Object.entries(INITIAL)) directory.set(login, structuredClone(user))
})

/** A directory user of this test only (its own login, so its first sign-in is a first one). */
function addDirectoryUser(user: Omit<DirectoryUser, "email" | "email_verified">): string {
  const login = `sso-${randomUUID().slice(0, 8)}`
  directory.set(login, { ...user, email: `${login}@univ-e2e.example`, email_verified: true })
  return login
}

/** Signs in through the provider's own login page (any password) and its consent page. */
async function ssoSignIn(page: Page, login: string): Promise<void> {
  await page.goto("/login")
  await page.getByRole("button", { name: SSO_BUTTON }).click()
  await expect(page).toHaveURL(new RegExp(`^${OIDC_ISSUER}/interaction/`))
  await page.locator('input[name="login"]').fill(login)
  await page.locator('input[name="password"]').fill("directory-password")
  await page.getByRole("button", { name: "Sign-in" }).click()
  await page.getByRole("button", { name: "Continue" }).click()
  await expect(page).not.toHaveURL(new RegExp(`^${OIDC_ISSUER}`))
}

/** Signs in again later: the app's session and the provider's are both gone (a new day). */
async function ssoSignInAgain(page: Page, login: string): Promise<void> {
  await page.context().clearCookies()
  await ssoSignIn(page, login)
}

function card(page: Page, name: string) {
  return page.getByRole("article").filter({ has: page.getByRole("heading", { name }) })
}

/** A running BBB session; returns its meetingID (pages.spec.ts uses the same names for sessions of its own). */
async function createSession(name: string, moderator: string): Promise<string> {
  const meetingID = `e2e-${randomUUID()}`
  await simulator.createMeeting({ meetingID, name, attendees: [{ fullName: moderator, role: "MODERATOR" }, { fullName: "Étudiant 1", role: "VIEWER" }] })
  return meetingID
}

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Navigation principale" })

test("a teacher's first SSO sign-in creates a TEACHER matched to her BBB moderator name, who can open « Réaliser un direct »", async ({ page }) => {
  const meetingID = await createSession(DEMO_SESSION.name, DEMO_SESSION.moderator)
  await ssoSignIn(page, "hlefevre-durand")
  await expect(page).toHaveURL(/\/meetings$/)
  await expect(page.getByTestId("signed-in-user")).toContainText("H. Lefèvre-Durand")
  await expect(page.getByTestId("signed-in-user")).toContainText("Enseignant")
  await expect(mainNav(page).getByRole("link", { name: "Réaliser un direct" })).toBeVisible()
  await card(page, DEMO_SESSION.name).getByRole("link", { name: "Réaliser un direct" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "Confirmer le direct" })).toBeVisible()

  expect(await findUserRow("hlefevre-durand")).toMatchObject({ role: "TEACHER", first_name: "H.", last_name: "Lefèvre-Durand" })
  expect(await attendeeLink(DEMO_SESSION.moderator, meetingID)).toMatchObject({ match_status: "BY_NAME", username: "hlefevre-durand" })
})

test("a student's first SSO sign-in creates a STUDENT, who cannot request a live", async ({ page }) => {
  await ssoSignIn(page, "lgarnier")
  await expect(page).toHaveURL(/\/lives$/)
  await expect(page.getByTestId("signed-in-user")).toContainText("Lucas Garnier")
  await expect(page.getByTestId("signed-in-user")).toContainText("Étudiant")
  await expect(mainNav(page).getByRole("link", { name: "Réaliser un direct" })).toHaveCount(0)
  expect(await findUserRow("lgarnier")).toMatchObject({ role: "STUDENT" })
})

test("a name changed at the provider is copied at the next sign-in and the BBB moderator re-matched", async ({ page }) => {
  const login = addDirectoryUser({ given_name: "Claire", family_name: "Moreau", eduPersonAffiliation: ["faculty"] })
  const session = `Séminaire ${login}`
  const meetingID = await createSession(session, "Claire Moreau-Petit")
  await ssoSignIn(page, login)
  await expect(page).toHaveURL(/\/meetings$/)
  await expect(page.getByTestId("meetings-count")).toHaveText("Aucune session en cours")
  expect(await attendeeLink("Claire Moreau-Petit", meetingID)).toMatchObject({ username: null })

  directory.get(login)!.family_name = "Moreau-Petit"
  await ssoSignInAgain(page, login)
  await expect(page.getByTestId("signed-in-user")).toContainText("Claire Moreau-Petit")
  await expect(card(page, session)).toBeVisible()
  expect(await findUserRow(login)).toMatchObject({ first_name: "Claire", last_name: "Moreau-Petit" })
  expect(await attendeeLink("Claire Moreau-Petit", meetingID)).toMatchObject({ match_status: "BY_NAME", username: login })
})

test("a changed affiliation changes the role at the next sign-in, unless an admin pinned it", async ({ page, browser }) => {
  const login = addDirectoryUser({ given_name: "Paul", family_name: "Durand", eduPersonAffiliation: ["staff"] })
  await ssoSignIn(page, login)
  await expect(page).toHaveURL(/\/meetings$/)

  // Left the staff at the directory: a student at the next sign-in.
  directory.get(login)!.eduPersonAffiliation = ["affiliate"]
  await ssoSignInAgain(page, login)
  await expect(page).toHaveURL(/\/lives$/)
  expect(await findUserRow(login)).toMatchObject({ role: "STUDENT" })

  // An admin makes him a teacher and pins the role; the page says the directory no longer changes it.
  const { id } = (await findUserRow(login))!
  const admin = await browser.newPage({ baseURL: E2E_ENV.APP_URL, locale: "fr-FR" })
  await apiSignIn(admin, USERS.admin)
  await admin.goto(`/admin/users/${id}`)
  await expect(admin.getByTestId("user-role-source")).toHaveText("Suit l'annuaire à chaque connexion SSO")
  await admin.getByLabel("Rôle", { exact: true }).selectOption("TEACHER")
  await admin.getByLabel("Rôle fixé").check()
  await admin.getByRole("button", { name: "Enregistrer" }).click()
  await expect(admin.getByText("Modifications enregistrées.")).toBeVisible()
  await admin.reload()
  await expect(admin.getByTestId("user-role-source")).toHaveText("Fixé par un administrateur : l'annuaire ne le change plus")
  await admin.close()

  await ssoSignInAgain(page, login)
  await expect(page).toHaveURL(/\/meetings$/)
  expect(await findUserRow(login)).toMatchObject({ role: "TEACHER" })
})

test("signing out of an SSO session offers the provider's sign-out (RP-initiated logout)", async ({ page }) => {
  await ssoSignIn(page, "lgarnier")
  await expect(page).toHaveURL(/\/lives$/)
  await openAccountMenu(page)
  await page.getByRole("button", { name: "Se déconnecter" }).click()
  await expect(page).toHaveURL(/\/login\?signedOut=sso$/)
  await expect(page.getByTestId("sso-signed-out")).toContainText("votre session Université SSO reste ouverte")
  await page.getByRole("link", { name: "Se déconnecter aussi de Université SSO" }).click()
  await expect(page).toHaveURL(new RegExp(`^${OIDC_ISSUER}/session/end`))
  await page.getByRole("button", { name: "Yes, sign me out" }).click()
  await expect(page).toHaveURL(/\/login\?signedOut=1$/)
  // The provider's session is over too: the SSO button leads to its login page again.
  await page.getByRole("button", { name: SSO_BUTTON }).click()
  await expect(page.locator('input[name="login"]')).toBeVisible()
})

for (const check of ["state", "nonce"] as const) {
  test(`a tampered ${check} is refused: no session, the sign-in page says the SSO sign-in failed`, async ({ page }) => {
    const tampered = `tampered-${randomUUID()}`
    // The authorisation request leaves with another `check` than the one the app keeps in its cookie.
    await page.route((url) => url.origin === OIDC_ISSUER && url.pathname === "/auth", async (route) => {
      const url = new URL(route.request().url())
      if (url.searchParams.get(check) === tampered) return route.continue()
      url.searchParams.set(check, tampered)
      return route.fulfill({ status: 302, headers: { location: url.toString() } })
    })
    await ssoSignIn(page, "lgarnier")
    await expect(page).toHaveURL(/\/login\?.*error=/)
    await expect(page.locator("#main").getByRole("alert")).toHaveText("La connexion avec Université SSO a échoué.")
    await page.goto("/meetings")
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fmeetings/)
  })
}

test("with the provider stopped, the sign-in page says the SSO is unavailable; local sign-in still works", async ({ page }) => {
  await provider.stop()
  try {
    await page.goto("/login")
    await expect(page.getByTestId("sso-unavailable")).toHaveText(
      "La connexion avec Université SSO est indisponible pour le moment : le service d'authentification ne répond pas. Réessayez plus tard.",
    )
    await expect(page.getByRole("button", { name: SSO_BUTTON })).toBeDisabled()
    await page.getByLabel("Identifiant ou adresse e-mail").fill(USERS.teacher.username)
    await page.getByLabel("Mot de passe").fill(USERS.teacher.password)
    await page.getByRole("button", { name: "Se connecter", exact: true }).click()
    await expect(page).toHaveURL(/\/meetings$/)
  } finally {
    await provider.start()
  }
  await page.context().clearCookies()
  await page.goto("/login")
  await expect(page.getByTestId("sso-unavailable")).toHaveCount(0)
  await expect(page.getByRole("button", { name: SSO_BUTTON })).toBeEnabled()
})
