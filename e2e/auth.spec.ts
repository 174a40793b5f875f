import { expect, test } from "@playwright/test"

import { apiSignIn, USERS } from "./fixtures/auth"

test.describe("sign-in and roles", () => {
  test("a teacher signs in through the form and is sent back where they were going", async ({ page }) => {
    await page.goto("/meetings")
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fmeetings/)
    await page.getByLabel("Identifiant ou adresse e-mail").fill(USERS.teacher.username)
    await page.getByLabel("Mot de passe").fill(USERS.teacher.password)
    await page.getByRole("button", { name: "Se connecter", exact: true }).click()
    await expect(page).toHaveURL(/\/meetings$/)
    await expect(page.getByTestId("signed-in-user")).toContainText("Hélène Lefèvre")
    const nav = page.getByRole("navigation", { name: "Navigation principale" })
    await expect(nav.getByRole("link", { name: "Réaliser un direct" })).toBeVisible()
    await expect(nav.getByRole("link", { name: "Administration" })).toHaveCount(0)
  })

  for (const [role, landing, heading] of [
    ["teacher", /\/meetings$/, "Réaliser un direct"],
    ["admin", /\/admin$/, "Administration"],
    ["student", /\/lives$/, "Directs"],
  ] as const) {
    test(`a ${role} who signs in from the header lands on their own page`, async ({ page }) => {
      await page.goto("/lives")
      await page.getByRole("link", { name: "Se connecter" }).click()
      await expect(page).toHaveURL(/\/login$/)
      await page.getByLabel("Identifiant ou adresse e-mail").fill(USERS[role].username)
      await page.getByLabel("Mot de passe").fill(USERS[role].password)
      await page.getByRole("button", { name: "Se connecter", exact: true }).click()
      await expect(page).toHaveURL(landing)
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible()
    })
  }

  test("a callbackUrl that leaves the site is ignored: the teacher lands on her own page", async ({ page }) => {
    await page.goto("/login?callbackUrl=%2F%2Fevil.example%2Fphish")
    await page.getByLabel("Identifiant ou adresse e-mail").fill(USERS.teacher.username)
    await page.getByLabel("Mot de passe").fill(USERS.teacher.password)
    await page.getByRole("button", { name: "Se connecter", exact: true }).click()
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/meetings$/)
    // Already signed in, /login sends her on the same way.
    await page.goto("/login")
    await expect(page).toHaveURL(/\/meetings$/)
  })

  test("wrong credentials give a clear message", async ({ page }) => {
    await page.goto("/login")
    await page.getByLabel("Identifiant ou adresse e-mail").fill(USERS.teacher.username)
    await page.getByLabel("Mot de passe").fill("not-the-password")
    await page.getByRole("button", { name: "Se connecter", exact: true }).click()
    await expect(page.locator("#main").getByRole("alert")).toHaveText("Identifiant ou mot de passe incorrect.")
    await expect(page).toHaveURL(/\/login/)
  })

  test("an admin reaches the administration", async ({ page }) => {
    await apiSignIn(page, USERS.admin)
    await page.goto("/admin")
    await expect(page.getByRole("heading", { name: "Administration" })).toBeVisible()
    await expect(page.getByTestId("admin-users")).toHaveText(/^\d+$/)
  })

  test("a student is refused /admin and the teacher pages", async ({ page }) => {
    await apiSignIn(page, USERS.student)
    const admin = await page.goto("/admin")
    expect(admin?.status()).toBe(403)
    await expect(page.getByTestId("forbidden")).toContainText("Accès refusé")
    const meetings = await page.goto("/meetings")
    expect(meetings?.status()).toBe(403)
    const nav = page.getByRole("navigation", { name: "Navigation principale" })
    await expect(nav.getByRole("link", { name: "Administration" })).toHaveCount(0)
  })

  test("a teacher is refused /admin", async ({ page }) => {
    await apiSignIn(page, USERS.teacher)
    expect((await page.goto("/admin"))?.status()).toBe(403)
  })

  test("an anonymous visitor of /admin is sent to sign-in with a return URL", async ({ page }) => {
    await page.goto("/admin")
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/)
  })

  test("the language switch shows the interface in English", async ({ page }) => {
    await page.goto("/lives")
    await expect(page.getByRole("heading", { name: "Directs" })).toBeVisible()
    await page.getByRole("button", { name: "en" }).click()
    await expect(page.getByRole("heading", { name: "Lives" })).toBeVisible()
    await expect(page.locator("html")).toHaveAttribute("lang", "en")
  })
})
