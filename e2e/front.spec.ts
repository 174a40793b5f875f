// The Directs page through the production nginx front (deploy/nginx, run by tools/front): anonymous
// visitors share one render (the second one is served from the cache) and the page still works with
// its CSP (the shared nonce matches the cached page); a signed-in student is never served that copy.
// A restricted live's page is shared by its members: the second member gets the first one's copy,
// and each still sees their own account in the header; an anonymous visitor is sent to sign-in.
// « Mes vidéos »: a teacher imports a BBB recording's video and plays it, its file sent by nginx.
import { randomUUID } from "node:crypto"
import { chmod, mkdtemp, rm } from "node:fs/promises"
import os from "node:os"
import path from "node:path"

import { expect, test, type Page } from "@playwright/test"

import { startFront, type Front } from "../tools/front/server"
import { TEST_INSTANCE } from "../vitest.test-env"

import { openAccountMenu, USERS } from "./fixtures/auth"
import { watchCsp } from "./fixtures/csp"
import { seedStartingLive, setLiveStatus } from "./fixtures/db"
import { E2E_ENV, E2E_PORT } from "./fixtures/env"
import { simulator } from "./fixtures/simulator"

let dir: string
let front: Front

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "bbb-e2e-front-"))
  await chmod(dir, 0o755) // nginx's workers (nobody when started as root) write the cache below
  front = await startFront({
    dir: path.join(dir, "front"),
    port: TEST_INSTANCE.ports.front,
    appAddresses: [`127.0.0.1:${E2E_PORT}`],
    // « Mes vidéos »: the files the app hands to the front (X-Accel-Redirect)
    recordingsPath: path.resolve(E2E_ENV.DEFAULT_BBB_PATH!),
  })
})

test.afterAll(async () => {
  await front?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** Signs in through the front (next-auth's credentials endpoint); the context then holds the cookie for the front's host. */
async function signInThroughFront(page: Page, user: { username: string; password: string }): Promise<void> {
  const request = page.context().request
  const { csrfToken } = (await (await request.get(`${front.url}/api/auth/csrf`)).json()) as { csrfToken: string }
  const response = await request.post(`${front.url}/api/auth/callback/credentials`, {
    form: { csrfToken, username: user.username, password: user.password, json: "true" },
    maxRedirects: 0,
  })
  expect(response.status()).toBeLessThan(400)
}

test("anonymous visitors share the Directs page through the front; a signed-in student gets her own", async ({ browser }) => {
  const statuses: string[] = []
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext()
    const page = await context.newPage()
    const violations = await watchCsp(page)
    const response = await page.goto(`${front.url}/lives`)
    statuses.push(response!.headers()["x-cache-status"] ?? "")
    await expect(page.getByRole("heading", { level: 1, name: "Directs" })).toBeVisible()
    await expect(page.getByRole("link", { name: "Se connecter" }).first()).toBeVisible()
    // The page's scripts have run (the load event waits for them; "networkidle" never comes while the
    // change feed is open): the nonce of the cached copy is the one in its own CSP header.
    await page.waitForLoadState("load")
    expect(violations).toEqual([])
    await context.close()
  }
  // Two visitors within the cache window: the second one was not rendered for her.
  expect(statuses[1]).toMatch(/^(HIT|UPDATING|STALE)$/)

  const context = await browser.newContext()
  const page = await context.newPage()
  await signInThroughFront(page, USERS.student)
  const response = await page.goto(`${front.url}/lives`)
  expect(response!.headers()["x-cache-status"]).toBe("BYPASS")
  await openAccountMenu(page)
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible()
  await context.close()
})

test("members of a restricted live share its page through the front, each with their own account", async ({ browser }) => {
  const name = `TD partagé ${Math.random().toString(36).slice(2, 8)}`
  const { liveId, slug } = await seedStartingLive(name, { restricted: true, chat: true })
  await setLiveStatus(liveId, "RUNNING")
  const members = [
    { user: USERS.student, name: "Emma Étudiante", teacherLinks: 0 },
    { user: USERS.teacher, name: "Hélène Lefèvre", teacherLinks: 1 },
  ]
  const statuses: string[] = []
  for (const member of members) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    const violations = await watchCsp(page)
    await signInThroughFront(page, member.user)
    const response = await page.goto(`${front.url}/lives/${slug}`)
    statuses.push(response!.headers()["x-cache-status"] ?? "")
    await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible()
    // Rendered for no one in particular; the header asks the browser's own account.
    await expect(page.getByTestId("signed-in-user")).toContainText(member.name)
    await openAccountMenu(page)
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible()
    await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Réaliser un direct" })).toHaveCount(member.teacherLinks)
    await expect(page.getByLabel("Votre message")).toBeVisible()
    await page.waitForLoadState("load") // the page's scripts have run (its event stream keeps the network busy)
    expect(violations).toEqual([])
    await context.close()
  }
  // The second member, within the cache window, got the first one's copy.
  expect(statuses[1]).toMatch(/^(HIT|UPDATING|STALE)$/)

  const anonymous = await browser.newPage()
  await anonymous.goto(`${front.url}/lives/${slug}`)
  await expect(anonymous).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(`/lives/${slug}`)}`))
  await anonymous.close()
  await setLiveStatus(liveId, "STOPPED")
})

test("a teacher imports an external video, waits on « Mes vidéos » and plays it: the front sends the file, with range requests, after the app's check", async ({ browser }) => {
  // One run of what production does: the BBB recording's video file (the simulator serves a real one)
  // is fetched by the worker, listed on « Mes vidéos » by itself, and played from nginx (X-Accel-Redirect).
  const recording = await simulator.addRecording({ meetingID: `e2e-${randomUUID()}`, name: "Séance à regarder", formats: ["presentation", "video"] })
  const name = `Import joué ${randomUUID().slice(0, 6)}`
  const context = await browser.newContext({ locale: "fr-FR" })
  const page = await context.newPage()
  const violations = await watchCsp(page)
  await signInThroughFront(page, USERS.teacher)
  await page.goto(`${front.url}/recordings/external`)
  await page.getByLabel("Nom").fill(name)
  await page.getByLabel("Adresse de la vidéo").fill(`${new URL(E2E_ENV.BBB_SERVER_URL!).origin}/playback/presentation/2.3/${recording.recordID}`)
  await page.getByRole("button", { name: "Ajouter" }).click()
  const external = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) })
  await external.getByRole("button", { name: `Importer «\u00a0${name}\u00a0»` }).click()
  await expect(external.getByTestId("external-state")).toHaveText(/^(Import en cours|Importée dans Mes vidéos)$/)

  // « Mes vidéos » shows the import land without a reload (queued, or already done).
  await page.goto(`${front.url}/videos`)
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1))
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) })
  await expect(row).toContainText("Importée", { timeout: 20_000 })
  await expect(row).toContainText(/Mo/)
  await expect(page.getByTestId("video-imports").getByText(name)).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1)

  await row.getByRole("link", { name: `Regarder «\u00a0${name}\u00a0»` }).click()
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible()
  // The browser loads, decodes and plays the file sent by nginx.
  const player = page.getByTestId("video-player")
  await expect(player).toHaveAttribute("src", /^\/videos\/watch\/[0-9a-f]+\/file$/)
  await player.evaluate((video: HTMLVideoElement) => {
    video.muted = true // autoplay policy: a muted video may start without a gesture
    return video.play()
  })
  await expect.poll(() => player.evaluate((video: HTMLVideoElement) => video.currentTime), { timeout: 10_000 }).toBeGreaterThan(0)
  expect(await player.evaluate((video: HTMLVideoElement) => Math.round(video.duration))).toBe(2)
  const file = `${front.url}${await player.getAttribute("src")}`
  const part = await page.request.get(file, { headers: { range: "bytes=0-99" } })
  expect(part.status()).toBe(206)
  expect(part.headers()["content-type"]).toBe("video/mp4")
  expect((await part.body()).length).toBe(100)
  expect(violations).toEqual([])
  // Not admitted (private video): the app's 404, never the file.
  const anonymous = await browser.newContext()
  expect((await anonymous.request.get(file)).status()).toBe(404)
  await anonymous.close()

  // In another tab: the source's page says where it went; then the video is deleted while it is watched.
  const owner = await context.newPage()
  await owner.goto(`${front.url}/recordings/external`)
  const source = owner.getByRole("row").filter({ has: owner.getByRole("rowheader", { name }) })
  await expect(source.getByTestId("external-state")).toHaveText("Importée dans Mes vidéos")
  await expect(source.getByRole("button", { name: /Importer/ })).toHaveCount(0)
  await owner.goto(`${front.url}/videos`)
  const ownerRow = owner.getByRole("row").filter({ has: owner.getByRole("rowheader", { name }) })
  await ownerRow.getByRole("button", { name: "Supprimer" }).click()
  await ownerRow.getByRole("button", { name: "Oui, supprimer" }).click()
  await expect(owner.getByRole("rowheader", { name })).toHaveCount(0)
  // The watcher plays it again (the 2 s video is buffered whole): the playback ends with a message.
  await player.evaluate((video: HTMLVideoElement) => {
    video.currentTime = 0
    return video.play().catch(() => undefined)
  })
  await expect(page.getByTestId("video-playback-ended")).toContainText("La lecture s'est arrêtée.")
  await expect(player).toHaveCount(0)
  await context.close()
})
