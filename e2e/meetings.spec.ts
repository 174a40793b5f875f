import { randomUUID } from "node:crypto"

import { expect, test, type Page } from "@playwright/test"

import { apiSignIn, USERS } from "./fixtures/auth"
import { countLivesOfMeeting, failLiveOfMeeting, stopAllLives } from "./fixtures/db"
import { simulator } from "./fixtures/simulator"

const HELENE = { fullName: "Hélène Lefèvre", role: "MODERATOR" as const }
const JEAN = { fullName: "Jean Martin", role: "MODERATOR" as const }
const viewers = (n: number) => Array.from({ length: n }, (_, i) => ({ fullName: `Étudiant ${i + 1}`, role: "VIEWER" as const }))

async function createMeeting(name: string, moderator: { fullName: string; role: "MODERATOR" }) {
  const meetingID = `e2e-${randomUUID()}`
  await simulator.createMeeting({ meetingID, name, attendees: [moderator, ...viewers(3)] })
  return meetingID
}

function card(page: Page, name: string) {
  return page.getByRole("article").filter({ has: page.getByRole("heading", { name }) })
}

test.beforeEach(async () => {
  await simulator.reset()
  await stopAllLives()
})

test("a teacher sees her running meeting, not another teacher's, and requests a live", async ({ page }) => {
  const mine = await createMeeting("Amphi L1 — Chimie & physique", HELENE)
  await createMeeting("Cours de Jean", JEAN)
  await apiSignIn(page, USERS.teacher)
  await page.goto("/meetings")
  await expect(page.getByRole("heading", { level: 1, name: "Réaliser un direct" })).toBeVisible()
  await expect(card(page, "Amphi L1 — Chimie & physique")).toBeVisible()
  await expect(page.getByTestId("meetings-count")).toHaveText("1 session en cours")
  await expect(page.getByRole("heading", { name: "Cours de Jean" })).toHaveCount(0)
  // The instructions are folded away until asked for; they say what the stop button does and what
  // ending the session does.
  const help = page.getByTestId("meetings-help")
  const stopHelp = help.getByText("coupe seulement la diffusion", { exact: false })
  await expect(stopHelp).toBeHidden()
  await help.getByText("Avant de lancer un direct").click()
  await expect(stopHelp).toHaveText(
    "«\u00a0Arrêter le direct\u00a0» coupe seulement la diffusion\u00a0: la session BigBlueButton continue. Mettre fin à la session dans BigBlueButton arrête aussi le direct (quitter la salle ne suffit pas).",
  )

  await card(page, "Amphi L1 — Chimie & physique").getByRole("link", { name: "Réaliser un direct" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "Confirmer le direct" })).toBeVisible()
  await expect(page).toHaveTitle(/^Confirmer le direct · /)
  await expect(page.getByText("Ce direct sera arrêté automatiquement à la fin de la session BigBlueButton.")).toBeVisible()
  await expect(page.getByLabel("Accès restreint")).not.toBeChecked()
  await expect(page.getByLabel("Enregistrer dans Mes vidéos")).not.toBeChecked()
  // The two chat options are named by where the chat shows, each with one line of help.
  const videoChat = page.getByLabel("Afficher le chat de BBB dans la vidéo")
  const pageChat = page.getByLabel("Permettre aux spectateurs d'écrire depuis la page du direct")
  await expect(videoChat).toBeChecked()
  await expect(videoChat).toHaveAccessibleDescription(
    "Les messages du chat public de la session BigBlueButton apparaissent à l'image, dans la vidéo diffusée.",
  )
  await expect(pageChat).not.toBeChecked()
  await expect(pageChat).toHaveAccessibleDescription(
    "Un champ de message apparaît sous la vidéo, sur la page du direct\u00a0; les messages arrivent dans le chat public de la session.",
  )
  await pageChat.check()
  await page.getByRole("button", { name: "Lancer le direct" }).click()

  // The notice says what happened (requested, not yet on air), once: not in the URL, gone on reload.
  await expect(page).toHaveURL(/\/meetings$/)
  await expect(page.getByTestId("flash")).toHaveText("Direct demandé. Il démarre dans quelques instants.")
  // The orchestrator takes it at once: requested, starting, then on air; the notice about the start
  // goes away by itself once the card says « En direct » (no reload).
  await expect(card(page, "Amphi L1 — Chimie & physique").getByTestId("live-status")).toHaveText(/^(Demandé|Démarrage|En direct)$/)
  await expect(card(page, "Amphi L1 — Chimie & physique").getByTestId("live-status")).toHaveText("En direct", { timeout: 30_000 })
  await expect(page.getByTestId("flash")).toHaveCount(0)
  expect(await countLivesOfMeeting(mine)).toBe(1)
  await page.reload()
  await expect(card(page, "Amphi L1 — Chimie & physique").getByTestId("live-status")).toHaveText(/^(Demandé|Démarrage|En direct)$/)
  await expect(page.getByTestId("flash")).toHaveCount(0)

  // Without any reload: a live's new status shows, a new meeting appears, an ended one disappears.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42))
  await failLiveOfMeeting(mine, "STREAMER_FAILED")
  await expect(card(page, "Amphi L1 — Chimie & physique").getByTestId("live-status")).toHaveText("Échec")
  await expect(card(page, "Amphi L1 — Chimie & physique").getByTestId("live-status-detail")).toHaveText(
    "Le direct a échoué\u00a0: le diffuseur n'a pas pu démarrer.",
  )
  await expect(card(page, "Amphi L1 — Chimie & physique").getByRole("link", { name: "Relancer un direct" })).toBeVisible()
  await createMeeting("TD de thermodynamique", HELENE)
  await expect(card(page, "TD de thermodynamique")).toBeVisible({ timeout: 15_000 })
  await simulator.endMeeting(mine)
  await expect(page.getByRole("heading", { name: "Amphi L1 — Chimie & physique" })).toHaveCount(0, { timeout: 15_000 })
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42)
})

test("a teacher without a matched session is told why, and cannot use another's form", async ({ page, browser }) => {
  await createMeeting("Séminaire d'Hélène", HELENE)
  const helene = await browser.newPage()
  await apiSignIn(helene, USERS.teacher)
  await helene.goto("/meetings")
  const href = await card(helene, "Séminaire d'Hélène").getByRole("link", { name: "Réaliser un direct" }).getAttribute("href")
  await helene.close()

  await apiSignIn(page, USERS.otherTeacher)
  await page.goto("/meetings")
  await expect(page.getByTestId("meetings-count")).toHaveText("Aucune session en cours")
  await expect(page.getByTestId("no-meetings")).toContainText("«\u00a0Jean Martin\u00a0»")
  await expect(page.getByTestId("no-meetings")).toContainText("admin@example.org")

  await page.goto(href!)
  await expect(page.getByRole("heading", { level: 1, name: "Direct impossible" })).toBeVisible()
  await expect(page).toHaveTitle(/^Direct impossible · /)
  await expect(page.locator("#main").getByRole("alert")).toContainText("Vous n'êtes pas modérateur de cette session.")
  await expect(page.getByRole("button", { name: "Lancer le direct" })).toHaveCount(0)
})

test("a student is refused the teacher pages", async ({ page }) => {
  const meetingID = await createMeeting("Cours interdit", HELENE)
  await apiSignIn(page, USERS.student)
  expect((await page.goto("/meetings"))?.status()).toBe(403)
  await expect(page.getByTestId("forbidden")).toBeVisible()
  expect(await countLivesOfMeeting(meetingID)).toBe(0)
})

test("when BBB_NUMBER_MAX_LIVES lives run, the button gives way to the busy message", async ({ page }) => {
  await createMeeting("Cours A", HELENE)
  await createMeeting("Cours B", HELENE)
  await createMeeting("Cours C", HELENE)
  await apiSignIn(page, USERS.teacher)
  await page.goto("/meetings")
  for (const name of ["Cours A", "Cours B"]) {
    await card(page, name).getByRole("link", { name: "Réaliser un direct" }).click()
    await page.getByRole("button", { name: "Lancer le direct" }).click()
    await expect(page.getByTestId("flash")).toHaveText("Direct demandé. Il démarre dans quelques instants.")
  }
  const third = card(page, "Cours C")
  await expect(third.getByTestId("busy")).toHaveText("Impossible de réaliser un direct pour le moment\u00a0: toutes les ressources sont occupées.")
  await expect(third.getByRole("link", { name: "Réaliser un direct" })).toHaveCount(0)
})

test("a double submit, and a re-post from a second tab, create one live", async ({ page, context }) => {
  const meetingID = await createMeeting("Cours en double", HELENE)
  await apiSignIn(page, USERS.teacher)
  await page.goto("/meetings")
  const href = await card(page, "Cours en double").getByRole("link", { name: "Réaliser un direct" }).getAttribute("href")
  const second = await context.newPage()
  await second.goto(href!)
  await page.goto(href!)
  await page.getByRole("button", { name: "Lancer le direct" }).dblclick()
  await expect(page.getByTestId("flash")).toBeVisible()
  await second.getByRole("button", { name: "Lancer le direct" }).click()
  await expect(second).toHaveURL(/\/meetings$/)
  await expect(second.getByTestId("flash")).toHaveText("Un direct est déjà demandé pour cette session\u00a0: rien n'a été ajouté.")
  expect(await countLivesOfMeeting(meetingID)).toBe(1)
})

test("an admin links an unrecognised moderator to a teacher, who then sees the session", async ({ page, browser }) => {
  await createMeeting("Cours au nom d'usage", { fullName: "H. Lefèvre-Durand", role: "MODERATOR" })
  await apiSignIn(page, USERS.admin)
  await page.goto("/admin/attendees")
  const row = page.getByRole("row").filter({ hasText: "H. Lefèvre-Durand" })
  await expect(row).toBeVisible({ timeout: 15_000 })
  await expect(row).toContainText("Nom inconnu")
  // The account is offered as a candidate (a close name); a wrong typed username is refused clearly.
  await expect(row.getByRole("button", { name: "Associer à Hélène Lefèvre (hlefevre)" })).toBeVisible()
  await row.getByRole("button", { name: "Associer", exact: true }).click()
  await expect(row.getByRole("status")).toHaveText("Saisissez un identifiant.")
  await row.getByLabel("Autre compte (identifiant)").fill("nobody-here")
  await row.getByRole("button", { name: "Associer", exact: true }).click()
  await expect(row.getByRole("status")).toHaveText("Aucun compte actif n'a cet identifiant.")
  await row.getByRole("button", { name: "Associer à Hélène Lefèvre (hlefevre)" }).click()
  await expect(page.getByRole("row").filter({ hasText: "H. Lefèvre-Durand" })).toHaveCount(0)
  await expect(page.getByTestId("flash")).toHaveText("«\u00a0H. Lefèvre-Durand\u00a0» est associé au compte Hélène Lefèvre (hlefevre).")

  const teacher = await browser.newPage()
  await apiSignIn(teacher, USERS.teacher)
  await teacher.goto("/meetings")
  await expect(card(teacher, "Cours au nom d'usage")).toBeVisible()
  await teacher.close()
})
