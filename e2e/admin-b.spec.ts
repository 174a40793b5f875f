// Admin stories of participants, accounts, broadcasters and buildings: an admin filters participants
// and links one by hand, creates and edits an account (an invalid edit shows its field errors and
// changes nothing), creates and deletes a building and a broadcaster, exports a CSV; a teacher and a
// student are refused every page, action and handler of these areas (direct POSTs included), and an
// anonymous visitor is sent to sign in.
import { randomUUID } from "node:crypto"

import { expect, test, type Browser, type Page } from "@playwright/test"
import { parse } from "csv-parse/sync"

import { attendeeLink, countAuditEntries, countBroadcasters, countBuildings, findUserRow } from "./fixtures/admin-db"
import { apiSignIn, openAccountMenu, USERS } from "./fixtures/auth"
import { simulator } from "./fixtures/simulator"

test.describe.configure({ mode: "serial" })

const TAG = randomUUID().slice(0, 6)

/** Server action requests the admin made, replayed below as other users (direct POSTs). */
const actions = new Map<string, { url: string; headers: Record<string, string>; body: Buffer }>()

async function captureAction(page: Page, name: string, trigger: () => Promise<void>): Promise<void> {
  const request = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]))
  await trigger()
  const r = await request
  actions.set(name, { url: r.url(), headers: r.headers(), body: r.postDataBuffer()! })
}

async function signedIn(browser: Browser, user: { username: string; password: string } | null): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL })
  const page = await context.newPage()
  if (user) await apiSignIn(page, user)
  return page
}

test("an admin filters participants and links an unknown moderator to an account by hand", async ({ page }) => {
  await simulator.reset()
  const unknown = `Camille Inconnue${TAG}`
  await simulator.createMeeting({
    meetingID: `admin-b-${randomUUID()}`,
    name: `Séminaire ${TAG}`,
    attendees: [
      { fullName: unknown, role: "MODERATOR" },
      { fullName: `Spectatrice ${TAG}`, role: "VIEWER" },
    ],
  })
  await apiSignIn(page, USERS.admin)
  await page.goto("/admin/attendees")
  await expect(page.getByRole("heading", { level: 1, name: "Participants" })).toBeVisible()
  await page.getByLabel("Nom, identifiant ou session").fill(TAG)
  await page.getByRole("button", { name: "Filtrer" }).click()
  await expect(page).toHaveURL(new RegExp(`q=${TAG}`))
  // By default, only what is left to match: the unknown moderator, not the viewer.
  const row = page.getByTestId(/^attendee-/).filter({ hasText: unknown })
  await expect(row).toBeVisible({ timeout: 20_000 })
  await expect(row).toContainText("Nom inconnu")
  await expect(page.getByTestId(/^attendee-/)).toHaveCount(1)
  // Every state and role: the viewer appears too.
  await page.getByLabel("Association").selectOption({ label: "Tous" })
  await page.getByLabel("Rôle").selectOption({ label: "Participant" })
  await page.getByRole("button", { name: "Filtrer" }).click()
  await expect(page.getByTestId(/^attendee-/)).toHaveCount(1)
  await expect(page.getByTestId(/^attendee-/)).toContainText(`Spectatrice ${TAG}`)

  // Search-then-choose: the admin finds Jean Martin's account by name and links it.
  await page.goto(`/admin/attendees?q=${TAG}`)
  await row.getByRole("link", { name: /Choisir un compte/ }).click()
  await expect(page.getByRole("heading", { level: 1, name: "Associer un participant" })).toBeVisible()
  // A student account: the picker shows its role, and a first click only warns (nothing is linked).
  await page.getByLabel("Nom, identifiant ou adresse e-mail").fill("emma")
  await page.getByRole("button", { name: "Chercher" }).click()
  await page.getByRole("button", { name: "Associer à Emma Étudiante (etudiant) · Étudiant" }).click()
  await expect(page.getByRole("status").filter({ hasText: "compte étudiant" })).toHaveText(
    "«\u00a0etudiant\u00a0» est un compte étudiant\u00a0: un modérateur BigBlueButton est d'ordinaire un enseignant. Cliquez de nouveau sur le même compte pour l'associer quand même.",
  )
  expect(await attendeeLink(unknown)).toMatchObject({ match_status: "UNMATCHED" })
  await page.getByLabel("Nom, identifiant ou adresse e-mail").fill("jean martin")
  await page.getByRole("button", { name: "Chercher" }).click()
  await captureAction(page, "assignAttendee", () => page.getByRole("button", { name: "Associer à Jean Martin (jmartin)" }).click())
  await expect(page.getByTestId("flash")).toHaveText(`«\u00a0${unknown}\u00a0» est associé au compte Jean Martin (jmartin).`)
  await expect(page.getByTestId("attendee-state")).toContainText("Par un administrateur")
  await expect(page.getByTestId("attendee-state")).toContainText("Jean Martin (jmartin)")
  expect(await attendeeLink(unknown)).toMatchObject({ match_status: "BY_ADMIN", username: "jmartin" })

  // The list filtered on "by an administrator" shows it with its account.
  await page.goto(`/admin/attendees?q=${TAG}&state=BY_ADMIN`)
  await expect(page.getByTestId(/^attendee-/).filter({ hasText: unknown }).getByTestId("attendee-user")).toHaveText("Jean Martin (jmartin)")
})

test("an admin creates an account, edits it (an invalid edit changes nothing), resets its password and deactivates it; exports the accounts as CSV", async ({
  page,
  browser,
}) => {
  // The longest story of this file (create, refused edit, edit, reset, deactivate, CSV, two other
  // browsers): 60 s is short on a loaded 2-core machine.
  test.setTimeout(90_000)
  const username = `camille.${TAG}`
  await apiSignIn(page, USERS.admin)
  await page.goto("/admin/users")
  await page.getByRole("link", { name: "Créer un compte" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "Nouveau compte" })).toBeVisible()
  await page.getByLabel("Identifiant", { exact: true }).fill(username)
  await page.getByLabel("Adresse e-mail").fill(`${username}@example.test`)
  await page.getByLabel("Prénom").fill("Camille")
  await page.getByLabel("Nom", { exact: true }).fill(`Essai${TAG}`)
  await captureAction(page, "createUser", () => page.getByRole("button", { name: "Créer le compte" }).click())
  const password = (await page.getByTestId("revealed-value").textContent())!.trim()
  expect(password).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/)
  await page.getByRole("link", { name: "Ouvrir le compte" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "Modifier un compte" })).toBeVisible()

  // An invalid edit: errors under their fields, nothing saved, nothing audited; every value typed or
  // chosen stays (the role select too), and a name too long is never cut: the counter says so.
  const audited = await countAuditEntries()
  const long = "Camille".repeat(43) // 301 characters
  await page.getByLabel("Prénom").fill(long)
  await expect(page.locator("#field-firstName-count")).toHaveText("301 / 150 caractères\u00a0: 151 caractères de trop, raccourcissez le texte")
  await page.getByLabel("Nom", { exact: true }).fill("   ")
  await page.getByLabel("Rôle", { exact: true }).selectOption({ label: "Enseignant" })
  await captureAction(page, "updateUser", () => page.getByRole("button", { name: "Enregistrer" }).click())
  await expect(page.getByTestId("form-message")).toHaveText("Certaines valeurs sont invalides\u00a0: corrigez les champs signalés. Rien n'a été enregistré.")
  await expect(page.locator("#field-firstName-error")).toHaveText("Ce texte est trop long.")
  await expect(page.locator("#field-lastName-error")).toHaveText("Ce champ est obligatoire.")
  await expect(page.getByLabel("Prénom")).toHaveAttribute("aria-invalid", "true")
  await expect(page.getByLabel("Prénom")).toHaveValue(long)
  await expect(page.getByLabel("Rôle", { exact: true })).toHaveValue("TEACHER")
  expect(await findUserRow(username)).toMatchObject({ first_name: "Camille", last_name: `Essai${TAG}`, role: "STUDENT" })
  expect(await countAuditEntries()).toBe(audited)

  // A valid one.
  await page.getByLabel("Prénom").fill("Camille-Anne")
  await page.getByLabel("Nom", { exact: true }).fill(`Essai${TAG}`)
  await page.getByLabel("Rôle", { exact: true }).selectOption({ label: "Enseignant" })
  await page.getByLabel("Identifiant externe").fill(`ext-${TAG}`)
  await page.getByRole("button", { name: "Enregistrer" }).click()
  await expect(page.getByTestId("form-message")).toHaveText("Modifications enregistrées.")
  expect(await findUserRow(username)).toMatchObject({ first_name: "Camille-Anne", role: "TEACHER", external_id: `ext-${TAG}` })

  // A new temporary password works; the first one no longer does. It must be changed first: every
  // page leads to « Changer mon mot de passe »; a wrong current password is refused under its field,
  // the password fields empty; once changed, the account is signed in again with its own password.
  await captureAction(page, "resetPassword", () => page.getByRole("button", { name: "Réinitialiser le mot de passe" }).click())
  await expect(page.getByTestId("reset-password").getByTestId("revealed-value")).toBeVisible()
  const reset = (await page.getByTestId("reset-password").getByTestId("revealed-value").textContent())!.trim()
  expect(reset).not.toBe(password)
  const other = await signedIn(browser, null)
  await expect(apiSignIn(other, { username, password })).rejects.toThrow()
  await apiSignIn(other, { username, password: reset })
  const diverted = await other.context().request.get("/meetings", { maxRedirects: 0 })
  expect(diverted.status()).toBe(307)
  expect(diverted.headers().location).toMatch(/\/account\/password$/)
  await other.goto("/meetings")
  await expect(other.getByRole("heading", { level: 1, name: "Changer mon mot de passe" })).toBeVisible()
  await expect(other.getByTestId("must-change-password")).toBeVisible()
  const chosen = `mon-secret-${TAG}`
  await other.getByLabel("Mot de passe actuel").fill("pas-le-bon")
  await other.getByLabel("Nouveau mot de passe", { exact: true }).fill(chosen)
  await other.getByLabel("Nouveau mot de passe, à nouveau").fill(chosen)
  await other.getByRole("button", { name: "Changer le mot de passe" }).click()
  await expect(other.locator("#field-currentPassword-error")).toHaveText("Ce n'est pas votre mot de passe actuel.")
  await expect(other.getByLabel("Mot de passe actuel")).toBeFocused()
  await expect(other.getByLabel("Nouveau mot de passe", { exact: true })).toHaveValue("")
  await other.getByLabel("Mot de passe actuel").fill(reset)
  await other.getByLabel("Nouveau mot de passe", { exact: true }).fill(chosen)
  await other.getByLabel("Nouveau mot de passe, à nouveau").fill(chosen)
  await other.getByRole("button", { name: "Changer le mot de passe" }).click()
  await expect(other).toHaveURL(/\/meetings$/)
  // From now on the change is in the account menu: Escape folds it and gives the focus back to its button.
  await openAccountMenu(other)
  await expect(other.getByTestId("change-password-link")).toBeVisible()
  await other.keyboard.press("Escape")
  await expect(other.getByTestId("change-password-link")).toBeHidden()
  await expect(other.getByTestId("account-menu").locator("summary")).toBeFocused()
  expect(await findUserRow(username)).toMatchObject({ must_change_password: false })

  // Deactivated: the badge says so and the account can no longer sign in. The question closes (Escape
  // too), focus goes back to the button, which now offers the opposite, and a notice confirms.
  await page.getByRole("button", { name: "Désactiver le compte" }).click()
  await expect(page.getByRole("button", { name: "Oui, désactiver" })).toBeFocused()
  await page.keyboard.press("Escape")
  await expect(page.getByRole("button", { name: "Oui, désactiver" })).toHaveCount(0)
  await expect(page.getByRole("button", { name: "Désactiver le compte" })).toBeFocused()
  await page.getByRole("button", { name: "Désactiver le compte" }).click()
  await captureAction(page, "setUserActive", () => page.getByRole("button", { name: "Oui, désactiver" }).click())
  await expect(page.getByTestId("user-status")).toHaveText("Désactivé")
  await expect(page.getByTestId("user-active-status")).toHaveText("Compte désactivé\u00a0: il ne peut plus se connecter et ses sessions sont fermées.")
  await expect(page.getByRole("button", { name: "Réactiver le compte" })).toBeFocused()
  await expect(page.getByRole("button", { name: /^Oui/ })).toHaveCount(0)
  expect(await findUserRow(username)).toMatchObject({ is_active: false })
  const again = await signedIn(browser, null)
  await expect(apiSignIn(again, { username, password: chosen })).rejects.toThrow()
  await again.context().close()
  // The session it opened before is worth nothing now.
  const stale = await other.context().request.get("/meetings", { maxRedirects: 0 })
  expect(stale.status()).toBe(307)
  expect(stale.headers().location).toContain("/login")
  await other.context().close()

  // The list, searched, and its CSV: the filtered rows only, never a password.
  await page.goto(`/admin/users?q=${TAG}`)
  await expect(page.getByTestId(/^user-\d+$/)).toHaveCount(1)
  const href = await page.getByTestId("export-csv").getAttribute("href")
  const response = await page.context().request.get(href!)
  expect(response.status()).toBe(200)
  expect(response.headers()["content-type"]).toContain("text/csv")
  const csv = await response.text()
  expect(csv).not.toContain(reset)
  const rows = parse(csv, { delimiter: ";", bom: true }) as string[][]
  expect(rows[0]).toEqual(["N°", "Identifiant", "Adresse e-mail", "Prénom", "Nom", "Rôle", "Identifiant externe", "État", "Créé le"])
  expect(rows.slice(1).map((r) => r.slice(1, 8))).toEqual([[username, `${username}@example.test`, "Camille-Anne", `Essai${TAG}`, "Enseignant", `ext-${TAG}`, "Désactivé"]])
})

test("an admin creates a building and a broadcaster in it, cannot delete the building silently, then deletes both", async ({ page }) => {
  const building = `Bâtiment ${TAG}`
  const broadcaster = `Amphi Sud ${TAG}`
  await apiSignIn(page, USERS.admin)
  await page.goto("/admin/buildings")
  await page.getByRole("link", { name: "Ajouter un bâtiment" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "Nouveau bâtiment" })).toBeVisible()
  await page.getByLabel("Nom", { exact: true }).fill(building)
  await captureAction(page, "createBuilding", () => page.getByRole("button", { name: "Ajouter le bâtiment" }).click())
  await expect(page.getByRole("heading", { level: 1, name: "Modifier un bâtiment" })).toBeVisible()
  const buildingUrl = page.url()
  await captureAction(page, "updateBuilding", () => page.getByRole("button", { name: "Enregistrer" }).click())
  await expect(page.getByTestId("form-message")).toHaveText("Modifications enregistrées.")

  await page.goto("/admin/broadcasters/new")
  await page.getByLabel("Nom", { exact: true }).fill(broadcaster)
  await page.getByLabel("Adresse HLS (.m3u8)").fill("pas une adresse")
  await page.getByLabel("Bâtiment").selectOption({ label: building })
  await captureAction(page, "createBroadcaster", () => page.getByRole("button", { name: "Ajouter le diffuseur" }).click())
  await expect(page.locator("#field-hlsUrl-error")).toHaveText("Indiquez une adresse web valide (http ou https).")
  await expect(page.getByLabel("Bâtiment")).toHaveValue(/^\d+$/)
  await expect(page.getByLabel("Bâtiment").locator("option:checked")).toHaveText(building)
  await expect(page.getByLabel("Nom", { exact: true })).toHaveValue(broadcaster)
  expect(await countBroadcasters(broadcaster)).toBe(0)
  await page.getByLabel("Adresse HLS (.m3u8)").fill("https://hls.example.test/amphi-sud.m3u8")
  await page.getByRole("button", { name: "Ajouter le diffuseur" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "Modifier un diffuseur" })).toBeVisible()
  // The one slug rule, from the name.
  await expect(page.getByLabel("Slug")).toHaveValue(`amphi-sud-${TAG.toLowerCase()}`)
  const broadcasterUrl = page.url()
  await captureAction(page, "updateBroadcaster", () => page.getByRole("button", { name: "Enregistrer" }).click())
  await expect(page.getByTestId("form-message")).toHaveText("Modifications enregistrées.")

  // The building groups it: deleting needs a building to move it to.
  await page.goto(buildingUrl)
  await expect(page.getByTestId("building-broadcasters")).toContainText("Ce bâtiment regroupe 1 diffuseur")
  // It asks first.
  await page.getByRole("button", { name: "Déplacer le diffuseur et supprimer" }).click()
  await expect(page.getByTestId("delete-building")).toContainText(`Déplacer le diffuseur vers le bâtiment choisi et supprimer définitivement «\u00a0${building}\u00a0»\u00a0?`)
  await captureAction(page, "deleteBuilding", () => page.getByTestId("delete-building").getByRole("button", { name: "Oui, supprimer" }).click())
  await expect(page.locator("#field-moveToBuildingId-error")).toHaveText("Choisissez le bâtiment qui recevra ses diffuseurs.")
  expect(await countBuildings(building)).toBe(1)

  await page.goto(broadcasterUrl)
  await page.getByRole("button", { name: "Supprimer le diffuseur" }).click()
  await captureAction(page, "deleteBroadcaster", () => page.getByRole("button", { name: "Oui, supprimer" }).click())
  await expect(page).toHaveURL(/\/admin\/broadcasters$/)
  await expect(page.getByTestId("flash")).toHaveText(`Le diffuseur «\u00a0${broadcaster}\u00a0» est supprimé.`)
  expect(await countBroadcasters(broadcaster)).toBe(0)

  await page.goto(buildingUrl)
  await page.getByRole("button", { name: "Supprimer le bâtiment" }).click()
  await page.getByRole("button", { name: "Oui, supprimer" }).click()
  await expect(page).toHaveURL(/\/admin\/buildings$/)
  await expect(page.getByTestId("flash")).toHaveText(`Le bâtiment «\u00a0${building}\u00a0» est supprimé.`)
  expect(await countBuildings(building)).toBe(0)
})

const PAGES = [
  "/admin/attendees",
  "/admin/attendees/1",
  "/admin/users",
  "/admin/users/new",
  "/admin/users/1",
  "/admin/broadcasters",
  "/admin/broadcasters/new",
  "/admin/broadcasters/1",
  "/admin/buildings",
  "/admin/buildings/new",
  "/admin/buildings/1",
]
const HANDLERS = ["/admin/attendees/export", "/admin/users/export", "/admin/broadcasters/export", "/admin/buildings/export"]

test("a teacher and a student are refused every page, action and handler of these areas; anonymous visitors are sent to sign in", async ({ browser, baseURL }) => {
  expect([...actions.keys()].sort()).toEqual(
    ["assignAttendee", "createBroadcaster", "createBuilding", "createUser", "deleteBroadcaster", "deleteBuilding", "resetPassword", "setUserActive", "updateBroadcaster", "updateBuilding", "updateUser"].sort(),
  )
  const audited = await countAuditEntries()
  for (const [who, user] of [
    ["teacher", USERS.teacher],
    ["student", USERS.student],
    ["anonymous", null],
  ] as const) {
    const page = await signedIn(browser, user)
    const request = page.context().request
    for (const path of PAGES) {
      const response = await request.get(path, { maxRedirects: 0 })
      if (user) expect(response.status(), `${who} GET ${path}`).toBe(403)
      else {
        expect(response.status(), `${who} GET ${path}`).toBe(307)
        expect(response.headers().location, path).toContain(`/login?callbackUrl=${encodeURIComponent(path)}`)
      }
    }
    // Handlers answer 403 (the proxy sends anonymous visitors to sign in before they get there).
    for (const path of HANDLERS) {
      const response = await request.get(path, { maxRedirects: 0 })
      expect(response.status(), `${who} GET ${path}`).toBe(user ? 403 : 307)
      expect(response.headers()["content-type"] ?? "", path).not.toContain("text/csv")
      if (!user) expect(response.headers().location, path).toContain("/login")
    }
    // The admin's own requests, posted again with this visitor's cookies: refused as values.
    for (const [name, action] of actions) {
      const response = await request.post(action.url, {
        headers: {
          "next-action": action.headers["next-action"]!,
          "content-type": action.headers["content-type"]!,
          "next-router-state-tree": action.headers["next-router-state-tree"] ?? "",
          accept: "text/x-component",
          origin: baseURL!,
        },
        data: action.body,
        maxRedirects: 0,
      })
      if (user) expect(await response.text(), `${who} POST ${name}`).toContain(`"code":"FORBIDDEN"`)
      else expect(response.status(), `${who} POST ${name}`).toBe(307)
    }
    await page.context().close()
  }
  // Nothing was changed by any of these requests.
  expect(await countAuditEntries()).toBe(audited)
  expect(await countBuildings(`Bâtiment ${TAG}`)).toBe(0)
  expect(await findUserRow(`camille.${TAG}`)).toMatchObject({ first_name: "Camille-Anne", is_active: false })
})
