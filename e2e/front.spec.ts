// The Directs page through the production nginx front (deploy/nginx, run by tools/front): anonymous
// visitors share one render (the second one is served from the cache) and the page still works with
// its CSP (the shared nonce matches the cached page); a signed-in student is never served that copy.
// A restricted live's page is shared by its members: the second member gets the first one's copy,
// and each still sees their own account in the header; an anonymous visitor is sent to sign-in.
import { chmod, mkdtemp, rm } from "node:fs/promises"
import os from "node:os"
import path from "node:path"

import { expect, test, type Page } from "@playwright/test"

import { startFront, type Front } from "../tools/front/server"
import { TEST_INSTANCE } from "../vitest.test-env"

import { openAccountMenu, USERS } from "./fixtures/auth"
import { watchCsp } from "./fixtures/csp"
import { seedStartingLive, seedVideo, setLiveStatus } from "./fixtures/db"
import { E2E_ENV, E2E_PORT } from "./fixtures/env"

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

test("a teacher plays a recorded live's video on « Mes vidéos »: the front sends the file, with range requests, after the app's check", async ({ browser }) => {
  const title = `Direct enregistré ${Math.random().toString(36).slice(2, 8)}`
  const video = await seedVideo(USERS.teacher.username, title)
  const context = await browser.newContext()
  const page = await context.newPage()
  const violations = await watchCsp(page)
  await signInThroughFront(page, USERS.teacher)
  await page.goto(`${front.url}/videos`)
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: title }) })
  await expect(row).toContainText("Direct enregistré")
  await row.getByRole("link", { name: `Regarder «\u00a0${title}\u00a0»` }).click()
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible()
  // The browser loads and decodes the file from nginx (metadata: its 2 s duration).
  const player = page.getByTestId("video-player")
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => (v.readyState >= 1 ? Math.round(v.duration) : 0))).toBe(2)
  const part = await page.request.get(`${front.url}/videos/watch/${video.token}/file`, { headers: { range: "bytes=0-99" } })
  expect(part.status()).toBe(206)
  expect(part.headers()["content-type"]).toBe("video/webm")
  expect((await part.body()).length).toBe(100)
  expect(violations).toEqual([])

  // Not admitted (private video): the app's 404, never the file.
  const anonymous = await browser.newContext()
  expect((await anonymous.request.get(`${front.url}/videos/watch/${video.token}/file`)).status()).toBe(404)
  await anonymous.close()
  await context.close()
})
