import { randomUUID } from "node:crypto"

import { expect, test, type Locator, type Page } from "@playwright/test"

import { apiSignIn, USERS } from "./fixtures/auth"
import { addClaimableRecording, seedVideo } from "./fixtures/db"
import { E2E_ENV } from "./fixtures/env"

/** Adds an external video on « Mes vidéos externes » and asks for its import; returns its row. */
async function addAndImport(page: Page, video: { name: string; url: string; type?: string }): Promise<Locator> {
  await page.goto("/recordings/external")
  await page.getByLabel("Nom").fill(video.name)
  if (video.type) await page.getByLabel("Type").selectOption({ label: video.type })
  await page.getByLabel("Adresse de la vidéo").fill(video.url)
  await page.getByRole("button", { name: "Ajouter" }).click()
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: video.name }) })
  await row.getByRole("button", { name: `Importer «\u00a0${video.name}\u00a0»` }).click()
  return row
}

/** The import state a row shows once the page is loaded again. */
async function stateAfterReload(page: Page, row: Locator): Promise<string | null> {
  await page.reload()
  return row.getByTestId("external-state").textContent()
}

test("a teacher adds, sees and deletes her external videos; bad URLs are explained in French", async ({ page }) => {
  await apiSignIn(page, USERS.teacher)
  await page.goto("/recordings/external")
  await expect(page.getByRole("heading", { name: "Mes vidéos externes" })).toBeVisible()

  // a YouTube type with a non-YouTube address
  const name = `Cours ; « test » ${randomUUID().slice(0, 6)}`
  await page.getByLabel("Nom").fill(name)
  await page.getByLabel("Type").selectOption({ label: "YouTube" })
  await page.getByLabel("Adresse de la vidéo").fill("https://example.org/watch?v=1")
  await page.getByRole("button", { name: "Ajouter" }).click()
  await expect(page.getByText("Cette adresse n'est pas une adresse YouTube.")).toBeVisible()
  // The refused form keeps every value, its type included (issue 30).
  await expect(page.getByLabel("Type")).toHaveValue("YOUTUBE")
  await expect(page.getByLabel("Nom")).toHaveValue(name)
  await expect(page.getByLabel("Adresse de la vidéo")).toHaveValue("https://example.org/watch?v=1")

  await page.getByLabel("Type").selectOption({ label: "BigBlueButton" })
  await page.getByLabel("Adresse de la vidéo").fill(`https://bbb.univ.example/playback/presentation/2.3/${randomUUID()}`)
  await page.getByRole("button", { name: "Ajouter" }).click()
  await expect(page.getByTestId("external-form-message")).toHaveText("Vidéo externe ajoutée.")
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) })
  await expect(row).toContainText("Le fichier vidéo n'a pas été téléversé")
  await expect(row).toContainText("BigBlueButton")

  // another teacher does not see it
  const other = await page.context().browser()!.newContext({ baseURL: test.info().project.use.baseURL, locale: "fr-FR" })
  const otherPage = await other.newPage()
  await apiSignIn(otherPage, USERS.otherTeacher)
  await otherPage.goto("/recordings/external")
  await expect(otherPage.getByRole("heading", { name: "Mes vidéos externes" })).toBeVisible()
  await expect(otherPage.getByRole("rowheader", { name })).toHaveCount(0)
  await other.close()

  // Deleting asks first; Escape closes the question and gives focus back.
  const deleteButton = row.getByRole("button", { name: `Supprimer « ${name} »`.replace(/« /, "«\u00a0").replace(/ »/, "\u00a0»") })
  await deleteButton.click()
  await expect(row.getByRole("button", { name: "Oui, supprimer" })).toBeFocused()
  await page.keyboard.press("Escape")
  await expect(deleteButton).toBeFocused()
  await deleteButton.click()
  await row.getByRole("button", { name: "Oui, supprimer" }).click()
  await expect(page.getByRole("rowheader", { name })).toHaveCount(0)
})

// Importing a BBB recording's video, seeing it land on « Mes vidéos » without a reload and playing it
// (its file sent by the nginx front): e2e/front.spec.ts, in one run.

test("sharing: private, signed-in users or anyone with the link; 404 to whoever is not admitted; a deleted video's link says so", async ({ browser, page }) => {
  test.setTimeout(120_000) // three visitors' contexts, each asked twice per sharing
  const title = `Partage ${randomUUID().slice(0, 6)}`
  const video = await seedVideo(USERS.teacher.username, title, { origin: "IMPORT" })
  const baseURL = test.info().project.use.baseURL
  const visitors = { anonymous: await browser.newContext({ baseURL, locale: "fr-FR" }), student: await browser.newContext({ baseURL, locale: "fr-FR" }), otherTeacher: await browser.newContext({ baseURL, locale: "fr-FR" }) }
  await apiSignIn(await visitors.student.newPage(), USERS.student)
  await apiSignIn(await visitors.otherTeacher.newPage(), USERS.otherTeacher)
  const statuses = async () =>
    Object.fromEntries(
      await Promise.all(
        Object.entries(visitors).map(async ([who, context]) => {
          const [pageStatus, fileStatus] = await Promise.all([context.request.get(`/videos/watch/${video.token}`), context.request.get(`/videos/watch/${video.token}/file`)])
          return [who, `${pageStatus.status()}/${fileStatus.status()}`]
        }),
      ),
    )
  await apiSignIn(page, USERS.teacher)
  await page.goto("/videos")
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: title }) })
  expect(await statuses()).toEqual({ anonymous: "404/404", student: "404/404", otherTeacher: "404/404" })

  const share = async (label: string) => {
    await row.getByLabel(`Partage de «\u00a0${title}\u00a0»`).selectOption({ label })
    await row.getByRole("button", { name: "Partager" }).click()
  }
  await share("Utilisateurs connectés")
  await expect.poll(statuses).toEqual({ anonymous: "404/404", student: "200/200", otherTeacher: "200/200" })
  await share("Toute personne ayant le lien")
  await expect.poll(statuses).toEqual({ anonymous: "200/200", student: "200/200", otherTeacher: "200/200" })
  // the others may watch, not manage
  const otherPage = await visitors.otherTeacher.newPage()
  // without the front the file's answer has no body: do not wait for the media
  await otherPage.goto(`/videos/watch/${video.token}`, { waitUntil: "domcontentloaded" })
  await expect(otherPage.getByRole("heading", { level: 1, name: title })).toBeVisible()
  await expect(otherPage.getByRole("main").getByRole("link", { name: "Mes vidéos" })).toHaveCount(0)

  // rename, then delete with confirmation
  const renamed = `${title} (renommée)`
  await row.getByLabel(`Titre de «\u00a0${title}\u00a0»`).fill(renamed)
  await row.getByRole("button", { name: "Renommer" }).click()
  const renamedRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: renamed }) })
  await expect(renamedRow).toBeVisible()
  await renamedRow.getByRole("button", { name: "Supprimer" }).click()
  await expect(renamedRow.getByText(`Supprimer «\u00a0${renamed}\u00a0» et son fichier\u00a0? C'est définitif.`)).toBeVisible()
  await renamedRow.getByRole("button", { name: "Oui, supprimer" }).click()
  await expect(page.getByTestId("flash")).toHaveText(`«\u00a0${renamed}\u00a0» est supprimée de vos vidéos.`)
  await expect(page.getByRole("rowheader", { name: renamed })).toHaveCount(0)
  await otherPage.reload({ waitUntil: "domcontentloaded" })
  await expect(otherPage.getByTestId("video-removed")).toHaveText(/Cette vidéo a été supprimée\./)
  expect((await visitors.anonymous.request.get(`/videos/watch/${video.token}/file`)).status()).toBe(404)
  for (const context of Object.values(visitors)) await context.close()
})

test("an admin sees every video with its owner and gives one to another teacher, who then finds it in « Mes vidéos »", async ({ browser, page }) => {
  const title = `Migrée ${randomUUID().slice(0, 6)}`
  await seedVideo(USERS.admin.username, title, { origin: "IMPORT" })
  await apiSignIn(page, USERS.admin)
  await page.goto("/admin/videos")
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: title }) })
  await expect(row.getByTestId("video-owner")).toContainText("(admin)")
  await row.getByLabel(`Donner «\u00a0${title}\u00a0» à`).fill("nobody-here")
  await row.getByRole("button", { name: "Donner" }).click()
  await expect(row.getByRole("alert")).toHaveText("Aucun compte enseignant actif avec cet identifiant ou cet e-mail.")
  await row.getByLabel(`Donner «\u00a0${title}\u00a0» à`).fill(USERS.otherTeacher.username)
  await row.getByRole("button", { name: "Donner" }).click()
  await expect(page.getByTestId("flash")).toHaveText(`«\u00a0${title}\u00a0» appartient désormais à Jean Martin.`)
  await expect(row.getByTestId("video-owner")).toContainText("(jmartin)")

  const teacher = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "fr-FR" })
  const teacherPage = await teacher.newPage()
  await apiSignIn(teacherPage, USERS.otherTeacher)
  await teacherPage.goto("/videos")
  await expect(teacherPage.getByRole("rowheader", { name: title })).toBeVisible()
  await teacher.close()
})

test("a teacher's URL naming an internal address is refused with one neutral message", async ({ page }) => {
  // the simulator under another name than the one allowed (EXTERNAL_VIDEO_ALLOWED_HOSTS): loopback, refused
  const simPort = new URL(E2E_ENV.BBB_SERVER_URL!).port
  const name = `Interne ${randomUUID().slice(0, 6)}`
  await apiSignIn(page, USERS.teacher)
  const row = await addAndImport(page, { name, type: "Fichier vidéo", url: `http://localhost:${simPort}/files/${randomUUID()}.mp4` })
  await expect.poll(() => stateAfterReload(page, row)).toBe("Cette adresse ne peut pas être importée.")
  // an admin may still widen the allow-list: the teacher may ask again
  await expect(row.getByRole("button", { name: /Importer/ })).toHaveCount(1)
})

test("a student may not open the teachers' recording pages; an anonymous visitor is sent to sign in", async ({ page }) => {
  await page.goto("/recordings/claim")
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Frecordings%2Fclaim/)
  await apiSignIn(page, USERS.student)
  const response = await page.goto("/recordings/external")
  expect(response?.status()).toBe(403)
})

test("two teachers claim the same recording: one gets it, the other is told it is taken", async ({ browser }) => {
  const title = `Réunion; "bilan" ${randomUUID().slice(0, 6)}`
  await addClaimableRecording(title)
  const baseURL = test.info().project.use.baseURL
  const [first, second] = [await browser.newContext({ baseURL, locale: "fr-FR" }), await browser.newContext({ baseURL, locale: "fr-FR" })]
  const pageA = await first.newPage()
  const pageB = await second.newPage()
  await apiSignIn(pageA, USERS.teacher)
  await apiSignIn(pageB, USERS.otherTeacher)
  await pageA.goto("/recordings/claim")
  await pageB.goto("/recordings/claim")
  const label = `Revendiquer «\u00a0${title}\u00a0»`
  await Promise.all([pageA.getByRole("button", { name: label }).click(), pageB.getByRole("button", { name: label }).click()])
  const CLAIMED = `«\u00a0${title}\u00a0» est revendiqué\u00a0: le voici dans Mes vidéos.`
  const TAKEN = "Cet enregistrement a déjà été revendiqué par quelqu'un d'autre."
  for (const page of [pageA, pageB]) await expect(page.getByText(CLAIMED).or(page.getByText(TAKEN))).toBeVisible()
  const takenA = await pageA.getByText(TAKEN).count()
  const takenB = await pageB.getByText(TAKEN).count()
  expect(takenA + takenB).toBe(1)
  const winner = takenA === 0 ? pageA : pageB
  // the winner is taken to « Mes vidéos », where the claimed recording now is
  await expect(winner).toHaveURL(/\/videos$/)
  await expect(winner.getByTestId("flash")).toHaveText(CLAIMED)
  const video = winner.getByRole("row").filter({ has: winner.getByRole("rowheader", { name: title }) })
  await expect(video).toContainText("Revendiquée")
  // the fixture's file is not on disk: the row says so instead of offering a broken player
  await expect(video.getByTestId("video-file-missing")).toHaveText("Fichier introuvable")
  await winner.goto("/recordings/claim")
  await expect(winner.getByRole("rowheader", { name: title })).toHaveCount(0)
  await first.close()
  await second.close()
})
