// Students watch a live (issue 9): the Directs list shows a live when it goes on air and drops it when
// it ends, without a reload; its page plays the real stream (ffmpeg streamer → nginx-rtmp → HLS →
// hls.js), counts its viewers, stays within the CSP, and says the live has ended when the meeting
// ends. A restricted live is refused to anonymous visitors: its page (sign-in and back), its playlist
// and its events.
import { randomUUID } from "node:crypto"

import { expect, test, type Page } from "@playwright/test"

import { hlsTokenSecret, signHlsUrl } from "@/lib/lives/hls-token"

import { apiSignIn, USERS } from "./fixtures/auth"
import { watchCsp } from "./fixtures/csp"
import { liveSlugOfMeeting, publishLiveStatusFrame, seedStartingLive, setLiveStatus, stopAllLives } from "./fixtures/db"
import { E2E_ENV } from "./fixtures/env"
import { simulator } from "./fixtures/simulator"
import { expectPlaying, startLiveAsTeacher as startLive } from "./fixtures/lives"

/** A restricted live's media URL at the HLS origin: <POD_HLS_STREAM><token>/<expires>/private-… */
const SIGNED_MEDIA = /\/hls\/[A-Za-z0-9_-]{22}\/\d+\/private-live\d+-[0-9a-f]+(_\w+)?\.(m3u8|ts)$/

const HELENE = { fullName: "Hélène Lefèvre", role: "MODERATOR" as const }

/** Status of a GET from the page's browser (its cookies), read at the headers, then aborted. */
function statusFromPage(page: Page, url: string): Promise<number> {
  return page.evaluate(async (target) => {
    const abort = new AbortController()
    const response = await fetch(target, { signal: abort.signal })
    abort.abort()
    return response.status
  }, url)
}

test.beforeEach(async () => {
  await simulator.reset()
  await stopAllLives()
})

test("a student sees a live appear in the Directs list, watches it play, and is told when it ends", async ({ page, browser }) => {
  const name = `Amphi regardé ${randomUUID().slice(0, 6)}`
  const meetingID = `e2e-${randomUUID()}`
  await simulator.createMeeting({ meetingID, name, attendees: [HELENE] })
  const violations = await watchCsp(page)
  await apiSignIn(page, USERS.student)

  // The Directs list, open before the live starts, shows it without a reload, under its building.
  await page.goto("/lives")
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1))
  await startLive(browser, name)
  const link = page.getByRole("link", { name: `[BBB] ${name}` })
  await expect(link).toBeVisible({ timeout: 20_000 })
  await expect(page.getByRole("heading", { level: 2, name: "BigBlueButton" })).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1)

  // Its page: title, session, teacher, a video that really plays (muted, with an unmute control), one viewer.
  await link.click()
  await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible()
  await expect(page.getByText("Hélène Lefèvre")).toBeVisible()
  await expectPlaying(page)
  expect(await page.getByTestId("live-video").evaluate((v) => (v as HTMLVideoElement).muted)).toBe(true)
  await page.getByRole("button", { name: "Activer le son" }).click()
  expect(await page.getByTestId("live-video").evaluate((v) => (v as HTMLVideoElement).muted)).toBe(false)
  await expect(page.getByRole("button", { name: "Couper le son" })).toBeVisible()
  await expect(page.getByTestId("viewer-count")).toHaveText("1 spectateur")

  // A second viewer (anonymous: the live is public) is counted on the first one's page.
  const other = await browser.newPage()
  await other.goto(page.url())
  await expect(other.getByTestId("live-video")).toBeVisible()
  await expect(page.getByTestId("viewer-count")).toHaveText("2 spectateurs", { timeout: 20_000 })
  await other.close()
  await expect(page.getByTestId("viewer-count")).toHaveText("1 spectateur", { timeout: 20_000 })

  // The playing page stayed within the CSP (hls.js: blob: media, playlists and segments from the HLS server).
  expect(violations).toEqual([])

  // A second tab on the Directs list; then the meeting ends in BBB.
  const list = await page.context().newPage()
  await list.goto("/lives")
  await expect(list.getByRole("link", { name: `[BBB] ${name}` })).toBeVisible()
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 2))
  await simulator.endMeeting(meetingID)
  await expect(page.getByTestId("live-ended")).toHaveText(/Ce direct est terminé\./, { timeout: 30_000 })
  await expect(page.getByTestId("live-video")).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(2)
  await expect(list.getByRole("link", { name: `[BBB] ${name}` })).toHaveCount(0, { timeout: 30_000 })

  // Once ended, its address still says so (not "not found", not a broken player).
  await page.reload()
  await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible({ timeout: 20_000 })
  await expect(page.getByTestId("live-ended")).toHaveText(/Ce direct est terminé\./)
  await expect(page.getByTestId("live-video")).toHaveCount(0)
})

test("a restricted live: anonymous visitors are refused (page → sign-in and back, playlist, events); signed in, it plays", async ({ page, browser, request }) => {
  const name = `TD restreint ${randomUUID().slice(0, 6)}`
  const meetingID = `e2e-${randomUUID()}`
  await simulator.createMeeting({ meetingID, name, attendees: [HELENE] })
  await startLive(browser, name, { restricted: true })
  const slug = await liveSlugOfMeeting(meetingID)
  const hlsRequests: string[] = []
  page.on("request", (r) => {
    if (r.url().startsWith(E2E_ENV.POD_HLS_STREAM!)) hlsRequests.push(r.url())
  })

  // The Directs list shows it to everyone, marked.
  await page.goto("/lives")
  const card = page.getByRole("article").filter({ has: page.getByRole("link", { name: `[BBB] ${name}` }) })
  await expect(card.getByText("Accès restreint")).toBeVisible()

  // Anonymous: the playlist and the events are refused, and the page sends to sign-in.
  expect((await request.get(`/api/lives/${slug}/playlist`)).status()).toBe(401)
  expect(await statusFromPage(page, `/api/lives/${slug}/events`)).toBe(401)
  await card.getByRole("link").click()
  await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(`/lives/${slug}`)}`))
  await page.getByLabel("Identifiant ou adresse e-mail").fill(USERS.student.username)
  await page.getByLabel("Mot de passe").fill(USERS.student.password)
  await page.getByRole("button", { name: "Se connecter", exact: true }).click()

  // Back on the live page, signed in: it plays through our playlist route (never nginx's URL).
  await expect(page).toHaveURL(new RegExp(`/lives/${slug}$`))
  await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible()
  expect(await page.content()).not.toContain(".m3u8")
  await expectPlaying(page)
  expect(await statusFromPage(page, `/api/lives/${slug}/events`)).toBe(200)
  expect(await statusFromPage(page, `/api/lives/${slug}/playlist`)).toBe(200)

  // Its media is private at the HLS origin: the player fetched the ladder under a signed path (nginx
  // secure_link), and the bare URL, an expired token, a forged one or another live's are refused (403).
  const signedMedia = hlsRequests.filter((url) => SIGNED_MEDIA.test(url))
  expect(signedMedia.some((url) => url.endsWith(".ts"))).toBe(true)
  expect(hlsRequests.filter((url) => !SIGNED_MEDIA.test(url))).toEqual([])
  const { url: signed } = await page.evaluate(async (target) => (await fetch(target)).json() as Promise<{ url: string }>, `/api/lives/${slug}/media-url`)
  const bare = signed.replace(/[A-Za-z0-9_-]{22}\/\d+\//, "")
  const secret = hlsTokenSecret({ AUTH_SECRET: E2E_ENV.AUTH_SECRET!, HLS_TOKEN_SECRET: undefined })
  const expired = signHlsUrl(bare, { secret, ttlSeconds: 600, now: new Date(Date.now() - 601_000) }).url
  const forged = signHlsUrl(bare, { secret: "forged-secret-forged-secret", ttlSeconds: 600 }).url
  const otherLive = signHlsUrl(bare.replace(/private-live\d+-/, "private-live999999-"), { secret, ttlSeconds: 600 }).url.replace(/private-live999999-/, /private-live\d+-/.exec(bare)![0])
  for (const url of [bare, expired, forged, otherLive]) expect({ url, status: (await request.get(url)).status() }).toEqual({ url, status: 403 })
  expect((await request.get(signed)).status()).toBe(200)

  // Once the origin refuses it (the access expired and could not be renewed), the player says so.
  await page.route(/\/hls\//, (route) => route.fulfill({ status: 403, headers: { "access-control-allow-origin": "*" }, body: "" }))
  await expect(page.getByTestId("live-access-expired")).toHaveText(/Votre accès a expiré\s:\srechargez la page/, { timeout: 15_000 })
})

test("when the stream is cut, the page says it reconnects, and plays again once the stream is back", async ({ page, browser }) => {
  const name = `Coupure ${randomUUID().slice(0, 6)}`
  const meetingID = `e2e-${randomUUID()}`
  await simulator.createMeeting({ meetingID, name, attendees: [HELENE] })
  await startLive(browser, name)
  await page.goto(`/lives/${await liveSlugOfMeeting(meetingID)}`)
  await expectPlaying(page)

  // The HLS server becomes unreachable for this viewer (network loss): playlists and segments fail.
  await page.route(/\/hls\//, (route) => route.abort("internetdisconnected"))
  await expect(page.getByTestId("live-reconnecting")).toHaveText(/Reconnexion…/, { timeout: 40_000 })
  await expect(page.getByTestId("live-ended")).toHaveCount(0)

  // The network is back: playback resumes by itself, without a reload.
  await page.unroute(/\/hls\//)
  await expect(page.getByTestId("live-reconnecting")).toHaveCount(0, { timeout: 40_000 })
  await expectPlaying(page)
})

test("a live not started yet shows its poster and says so, then follows its status without a reload", async ({ page }) => {
  const live = await seedStartingLive(`Bientôt ${randomUUID().slice(0, 6)}`)
  await page.goto(`/lives/${live.slug}`)
  await expect(page.getByTestId("live-not-started")).toHaveText(/Le direct n'a pas encore commencé\./)
  await expect(page.getByTestId("live-video")).toHaveAttribute("poster", "/live-poster.svg")
  await expect(page.getByRole("button", { name: "Activer le son" })).toHaveCount(0)
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 3))

  await setLiveStatus(live.liveId, "RUNNING")
  await expect(page.getByTestId("live-not-started")).toHaveCount(0)
  await expect(page.getByRole("button", { name: "Activer le son" })).toBeVisible()
  // On air, but no stream reached the HLS server yet: the page says it is starting.
  await expect(page.getByTestId("live-starting")).toHaveText(/Le direct commence…/, { timeout: 20_000 })

  // A "stopped" frame the database does not back (issue 20): the page asks the server, which says
  // RUNNING, and the live goes on.
  const confirmation = page.waitForResponse((r) => r.url().endsWith(`/api/lives/${live.slug}/status`))
  await publishLiveStatusFrame(live.liveId, "STOPPED")
  expect(await (await confirmation).json()).toEqual({ status: "RUNNING" })
  await expect(page.getByTestId("live-starting")).toBeVisible()
  await expect(page.getByTestId("live-ended")).toHaveCount(0)

  await setLiveStatus(live.liveId, "STOPPED")
  await expect(page.getByTestId("live-ended")).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(3)
})

test("anonymous visitors may follow the lives topic (the Directs list), nothing else", async ({ page }) => {
  await page.goto("/lives")
  expect(await statusFromPage(page, "/api/events?topics=lives")).toBe(200)
  expect(await statusFromPage(page, "/api/events?topics=meetings")).toBe(401)
  expect(await statusFromPage(page, "/api/events?topics=lives,meetings")).toBe(401)
  expect(await statusFromPage(page, "/api/events")).toBe(401)
})

test("an unknown live's address says the live does not exist", async ({ page }) => {
  const response = await page.goto(`/lives/no-such-live-${randomUUID().slice(0, 6)}`)
  expect(response?.status()).toBe(404)
  await expect(page.getByRole("heading", { level: 1, name: "Direct introuvable" })).toBeVisible()
  await page.getByRole("link", { name: "Voir les directs en cours" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "Directs" })).toBeVisible()
})

test("every live of a session keeps the session's address, which applies the current live's rule and says so", async ({ page, browser }) => {
  const name = `Séance à deux directs ${randomUUID().slice(0, 6)}`
  const meetingID = `e2e-${randomUUID()}`
  await simulator.createMeeting({ meetingID, name, attendees: [HELENE] })
  await startLive(browser, name)
  const slug = await liveSlugOfMeeting(meetingID)

  // An anonymous visitor has the public live's link; the page says whose address it is.
  await page.goto(`/lives/${slug}`)
  await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible()
  await expect(page.getByTestId("live-address-note")).toHaveText(
    "Cette adresse est celle de la session\u00a0: elle montre toujours son direct le plus récent, avec les règles d'accès de ce direct.",
  )

  // The teacher stops it and starts again, restricted this time: same address, the new rule applies.
  const teacher = await browser.newContext()
  const teacherPage = await teacher.newPage()
  await apiSignIn(teacherPage, USERS.teacher)
  await teacherPage.goto("/meetings")
  const card = teacherPage.getByRole("article").filter({ has: teacherPage.getByRole("heading", { name }) })
  await card.getByRole("button", { name: "Arrêter le direct" }).click()
  await card.getByRole("button", { name: "Oui, arrêter" }).click()
  await expect(card.getByTestId("live-status")).toHaveText("Terminé", { timeout: 20_000 })
  await card.getByRole("link", { name: "Relancer un direct" }).click()
  await teacherPage.getByLabel("Accès restreint").check()
  await teacherPage.getByRole("button", { name: "Lancer le direct" }).click()
  await expect(card.getByTestId("live-status")).toHaveText("En direct", { timeout: 30_000 })
  await teacher.close()
  expect(await liveSlugOfMeeting(meetingID)).toBe(slug)

  // The old public link now asks the anonymous visitor to sign in, and shows nothing of the live.
  await page.goto(`/lives/${slug}`)
  await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(`/lives/${slug}`)}`))
  await apiSignIn(page, USERS.student)
  await page.goto(`/lives/${slug}`)
  await expect(page.getByText("Accès restreint", { exact: true })).toBeVisible()
  await expect(page.getByTestId("live-address-note")).toBeVisible()
})
