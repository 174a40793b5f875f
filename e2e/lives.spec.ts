// A teacher's live, end to end with the real orchestrator, a streamer agent (ffmpeg driver) and
// nginx-rtmp: requested, it goes on air within seconds, the teacher sees each step without reloading,
// and it stops by itself when the meeting ends in BBB. A running live can be stopped from the page; when
// it was recorded, its file is then in the teacher's « Mes vidéos ».
import { randomUUID } from "node:crypto"

import { expect, test, type Page } from "@playwright/test"

import { apiSignIn, USERS } from "./fixtures/auth"
import { hlsUrlOfMeeting, stopAllLives } from "./fixtures/db"
import { simulator } from "./fixtures/simulator"

const HELENE = { fullName: "Hélène Lefèvre", role: "MODERATOR" as const }

function card(page: Page, name: string) {
  return page.getByRole("article").filter({ has: page.getByRole("heading", { name }) })
}

async function requestLiveFor(page: Page, name: string, options: { record?: boolean } = {}) {
  await page.goto("/meetings")
  await card(page, name).getByRole("link", { name: "Réaliser un direct" }).click()
  if (options.record) await page.getByRole("checkbox", { name: "Enregistrer dans Mes vidéos" }).check()
  await page.getByRole("button", { name: "Lancer le direct" }).click()
  await expect(page).toHaveURL(/\/meetings/)
}

test.beforeEach(async () => {
  await simulator.reset()
  await stopAllLives()
})

test("a requested live goes on air, then stops when the meeting ends", async ({ page, request }) => {
  const name = `Amphi « direct » ${randomUUID().slice(0, 6)}`
  const meetingID = `e2e-${randomUUID()}`
  await simulator.createMeeting({ meetingID, name, attendees: [HELENE, { fullName: "Étudiant 1", role: "VIEWER" }] })
  await apiSignIn(page, USERS.teacher)
  await requestLiveFor(page, name)

  const status = card(page, name).getByTestId("live-status")
  await expect(status).toHaveText("En direct", { timeout: 20_000 })
  await expect(card(page, name).getByRole("link", { name: "Voir le direct" })).toBeVisible()
  // The stream is real: nginx-rtmp serves its HLS playlist.
  const hls = await hlsUrlOfMeeting(meetingID)
  await expect.poll(async () => (await request.get(hls)).status(), { timeout: 20_000 }).toBe(200)
  expect(await (await request.get(hls)).text()).toContain("#EXTM3U")

  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7))
  await simulator.endMeeting(meetingID)
  // The meeting leaves the running sessions; its live shows as ended, and why, without a reload.
  await expect(page.getByRole("heading", { name })).toHaveCount(0, { timeout: 20_000 })
  const recent = page.getByRole("region", { name: "Sessions terminées récemment" }).getByRole("listitem").filter({ hasText: name })
  await expect(recent.getByTestId("recent-live-status")).toHaveText("Le direct est terminé\u00a0: la session BigBlueButton est terminée.", { timeout: 20_000 })
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7)
})

test("a teacher stops her recorded live from the page; its file is then in « Mes vidéos »", async ({ page }) => {
  const name = `TD arrêt ${randomUUID().slice(0, 6)}`
  await simulator.createMeeting({ meetingID: `e2e-${randomUUID()}`, name, attendees: [HELENE] })
  await apiSignIn(page, USERS.teacher)
  await requestLiveFor(page, name, { record: true })
  await expect(card(page, name).getByTestId("live-status")).toHaveText("En direct", { timeout: 20_000 })
  // The confirmation is inline (as the admin's), never the browser's dialog.
  const dialogs: string[] = []
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await card(page, name).getByRole("button", { name: "Arrêter le direct" }).click()
  const stop = card(page, name).getByTestId("stop-live")
  await expect(stop.getByText("Arrêter la diffusion maintenant\u00a0? Les spectateurs ne verront plus le direct\u00a0; la session BigBlueButton continue.")).toBeVisible()
  // « Annuler » closes the question and changes nothing.
  await stop.getByRole("button", { name: "Annuler" }).click()
  await expect(stop.getByRole("button", { name: "Oui, arrêter" })).toHaveCount(0)
  await expect(card(page, name).getByTestId("live-status")).toHaveText("En direct")
  await card(page, name).getByRole("button", { name: "Arrêter le direct" }).click()
  await stop.getByRole("button", { name: "Oui, arrêter" }).click()
  await expect(card(page, name).getByTestId("live-status")).toHaveText("Terminé", { timeout: 20_000 })
  // It had gone on air: stopped, not « annulé ».
  await expect(card(page, name).getByTestId("live-status-detail")).toHaveText("Le direct est terminé\u00a0: arrêté par l'enseignant.")
  expect(dialogs).toEqual([])
  await expect(card(page, name).getByRole("link", { name: "Relancer un direct" })).toBeVisible()

  // The recording: listed with its origin, duration and size, and its file route answers (the front
  // sends the file: e2e/front.spec.ts plays one through it).
  await page.goto("/videos")
  const video = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) })
  await expect(video).toContainText("Direct enregistré")
  await expect(video).toContainText(/\d+ min \d+ s/)
  await expect(video).toContainText(/Mo/)
  await expect(video.getByTestId("video-file-missing")).toHaveCount(0)
  const watch = video.getByRole("link", { name: `Regarder «\u00a0${name}\u00a0»` })
  const file = await page.request.get(`${await watch.getAttribute("href")}/file`)
  expect(file.status()).toBe(200)
  expect(file.headers()["x-accel-redirect"]).toMatch(/^\/_bbb_pod_live_files\/recordings\/.+\.mkv$/)
  await watch.click()
  await expect(page.getByTestId("video-player")).toHaveAttribute("src", /\/videos\/watch\/[0-9a-f]+\/file$/)
})
