// A page built around the video (issue 21): the chat beside the video on a desktop and below it on a
// phone, the « En direct » badge with the viewer count, the session's name as title, theatre mode and
// full screen; the quality menu (Auto, each rendition, « Son seul », remembered per browser); a viewer
// whose media is refused (403: expired token) is told to reload instead of a spinning player.
import { randomUUID } from "node:crypto"

import { expect, test, type Locator, type Page } from "@playwright/test"

import { apiSignIn, USERS } from "./fixtures/auth"
import { liveSlugOfMeeting, seedStartingLive, setLiveStatus, stopAllLives } from "./fixtures/db"
import { expectPlaying, startLiveAsTeacher } from "./fixtures/lives"
import { simulator } from "./fixtures/simulator"

const HELENE = { fullName: "Hélène Lefèvre", role: "MODERATOR" as const }

async function box(locator: Locator): Promise<{ x: number; y: number; right: number; bottom: number; width: number }> {
  const b = await locator.boundingBox()
  expect(b, "on screen").not.toBeNull()
  return { x: b!.x, y: b!.y, right: b!.x + b!.width, bottom: b!.y + b!.height, width: b!.width }
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }))
  expect(widths.scroll, `page is ${widths.scroll}px wide in a ${widths.inner}px window`).toBeLessThanOrEqual(widths.inner)
}

test.beforeEach(async () => {
  await simulator.reset()
  await stopAllLives()
})

test("the page is built around the video: chat beside it at 1280×800, below it at 390×844; badge, title, theatre, full screen", async ({ browser }) => {
  const name = `Amphi en scène ${randomUUID().slice(0, 6)}`
  const { liveId, slug } = await seedStartingLive(name, { chat: true })
  await setLiveStatus(liveId, "RUNNING")

  // A desktop: the video on the left, the chat on the right, its box in view without scrolling.
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await desktop.newPage()
  await apiSignIn(page, USERS.student)
  await page.goto(`/lives/${slug}`)
  await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible() // no « [BBB] »
  await expect(page.getByTestId("live-badge")).toHaveText("En direct")
  await expect(page.getByTestId("viewer-count")).toHaveText("1 spectateur", { timeout: 20_000 })
  const send = page.getByRole("button", { name: "Envoyer" })
  await expect(send).toBeVisible()
  const video = await box(page.getByTestId("live-video"))
  const chat = await box(page.getByTestId("live-chat"))
  expect(chat.x, "the chat is right of the video").toBeGreaterThanOrEqual(video.right)
  expect(video.width).toBeGreaterThan(560)
  for (const [what, b] of [["video", video], ["message box", await box(page.getByLabel("Votre message"))], ["send button", await box(send)]] as const) {
    expect(b.bottom, `${what} in view at 1280×800`).toBeLessThanOrEqual(800)
  }
  await noSidewaysScroll(page)
  await page.screenshot({ path: "docs/screenshots/live-stage.png" })

  // Theatre mode: the video across the page, the chat below it; and back.
  const theatre = page.getByRole("button", { name: "Mode cinéma" })
  await theatre.click()
  await expect(theatre).toHaveAttribute("aria-pressed", "true")
  const wide = await box(page.getByTestId("live-video"))
  expect(wide.width).toBeGreaterThan(video.width)
  expect((await box(page.getByTestId("live-chat"))).y).toBeGreaterThanOrEqual(wide.bottom)
  await theatre.click()
  await expect(theatre).toHaveAttribute("aria-pressed", "false")
  expect((await box(page.getByTestId("live-chat"))).x).toBeGreaterThanOrEqual((await box(page.getByTestId("live-video"))).right)

  // Full screen: the player with its controls, and out again.
  await page.getByRole("button", { name: "Plein écran", exact: true }).click()
  await expect(page.getByRole("button", { name: "Quitter le plein écran" })).toBeVisible()
  expect(await page.evaluate(() => document.fullscreenElement?.contains(document.querySelector("[data-testid=live-video]")) ?? false)).toBe(true)
  await page.getByRole("button", { name: "Quitter le plein écran" }).click()
  await expect(page.getByRole("button", { name: "Plein écran", exact: true })).toBeVisible()
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull()
  await desktop.close()

  // A phone: the chat below the video, nothing sideways, no theatre mode (it would change nothing).
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } })
  const mobile = await phone.newPage()
  await apiSignIn(mobile, USERS.student)
  await mobile.goto(`/lives/${slug}`)
  await expect(mobile.getByLabel("Votre message")).toBeVisible()
  const small = await box(mobile.getByTestId("live-video"))
  expect((await box(mobile.getByTestId("live-chat"))).y, "the chat is below the video").toBeGreaterThanOrEqual(small.bottom)
  await expect(mobile.getByRole("button", { name: "Mode cinéma" })).toBeHidden()
  await expect(mobile.getByRole("button", { name: "Plein écran", exact: true })).toBeVisible()
  await noSidewaysScroll(mobile)
  await mobile.screenshot({ path: "docs/screenshots/live-stage-mobile.png", fullPage: true })
  await phone.close()
})

test("the quality menu: Auto, each rendition, « Son seul », remembered by the browser; media refused (403) says to reload", async ({ page, browser }) => {
  test.slow() // a live started, played, reloaded
  const name = `Amphi à la carte ${randomUUID().slice(0, 6)}`
  const meetingID = `e2e-${randomUUID()}`
  await simulator.createMeeting({ meetingID, name, attendees: [HELENE] })
  await startLiveAsTeacher(browser, name)
  const slug = await liveSlugOfMeeting(meetingID)
  await page.goto(`/lives/${slug}`)
  await expectPlaying(page)

  // Auto by default (with the rendition playing now); every rendition of the origin's ladder, highest
  // first (the e2e streamer sends 640×360: the origin never upscales, so no 720p here).
  const menu = page.getByLabel("Qualité")
  await expect(menu).toHaveValue("auto")
  await expect(menu.locator("option")).toHaveText([/^Auto( \(\d+p\))?$/, "360p", "Son seul"])
  await expect(page.getByTestId("live-player")).toHaveAttribute("data-rendition", /^\d+p$/)

  // The keyboard reaches it and chooses 360p: that rendition plays.
  await menu.focus()
  await menu.selectOption("360p")
  await expect(page.getByTestId("live-player")).toHaveAttribute("data-rendition", "360p", { timeout: 20_000 })

  // « Son seul »: the audio-only rendition's playlist, the video said to be off; kept on the next visit.
  await menu.selectOption("audio")
  await expect(page.getByTestId("live-audio-only")).toBeVisible()
  await expect(page.getByTestId("live-player")).toHaveAttribute("data-rendition", "audio", { timeout: 20_000 })
  await page.reload()
  await expect(page.getByLabel("Qualité")).toHaveValue("audio", { timeout: 20_000 })
  await expect(page.getByTestId("live-audio-only")).toBeVisible()
  await page.getByLabel("Qualité").selectOption("auto")
  await expect(page.getByTestId("live-audio-only")).toHaveCount(0)
  await expectPlaying(page)
  await expect(page.getByTestId("live-player")).toHaveAttribute("data-rendition", "360p")

  // The media refuses this viewer (its token expired): the player says so and stops asking.
  await page.route(/\/hls\/.*\.(ts|m4s|m3u8)(\?.*)?$/, (route) => route.fulfill({ status: 403, body: "Forbidden" }))
  await expect(page.getByTestId("live-access-expired")).toContainText("Votre accès a expiré\u00a0: rechargez la page", { timeout: 30_000 })
  await expect(page.getByRole("button", { name: "Recharger la page" })).toBeVisible()
  await expect(page.getByTestId("live-reconnecting")).toHaveCount(0)
})

// FIXME (unfinished, issue 21): at 600 kb/s no rendition is reported within 10 s on this machine (neither 360p
// playing nor the fallback to « Son seul »): the fragment-rate fallback needs measuring under CDP throttling.
test.fixme("a student on a slow connection (600 kb/s) settles within 10 s on what fits (here « Son seul ») and plays without stalls over 1 s", async ({ page, browser }) => {
  test.slow() // a live started, then 15 s of throttled playback watched
  const name = `Amphi en 3G ${randomUUID().slice(0, 6)}`
  const meetingID = `e2e-${randomUUID()}`
  await simulator.createMeeting({ meetingID, name, attendees: [HELENE] })
  await startLiveAsTeacher(browser, name)
  const slug = await liveSlugOfMeeting(meetingID)

  // The page itself loads at full speed; its media over a 600 kb/s link (Chromium's own throttling).
  await page.goto(`/lives/${slug}`)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send("Network.enable")
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 50, downloadThroughput: 600_000 / 8, uploadThroughput: 600_000 / 8 })
  await page.evaluate(() => {
    const video = document.querySelector("video")!
    const w = window as unknown as { stalls: number[]; stalledAt: number | null }
    w.stalls = []
    w.stalledAt = null
    video.addEventListener("waiting", () => (w.stalledAt ??= performance.now()))
    video.addEventListener("playing", () => {
      if (w.stalledAt !== null && video.currentTime > 0.5) w.stalls.push(performance.now() - w.stalledAt)
      w.stalledAt = null
    })
  })
  // The e2e origin's lowest video rendition (360p, ≈0.8 Mb/s) does not fit: Auto settles on « Son seul ».
  const player = page.getByTestId("live-player")
  await expect(player).toHaveAttribute("data-rendition", "audio", { timeout: 10_000 })
  await expect(page.getByLabel("Qualité")).toHaveValue("auto")
  await expect(page.getByTestId("live-audio-only")).toContainText("trop lente pour la vidéo")
  await expectPlaying(page)
  // Settled: from now on, no stall longer than a second.
  await page.evaluate(() => ((window as unknown as { stalls: number[] }).stalls = []))
  const from = await page.getByTestId("live-video").evaluate((v) => (v as HTMLVideoElement).currentTime)
  await expect.poll(() => page.getByTestId("live-video").evaluate((v) => (v as HTMLVideoElement).currentTime), { timeout: 40_000 }).toBeGreaterThan(from + 15)
  const stalls = await page.evaluate(() => (window as unknown as { stalls: number[] }).stalls)
  expect(Math.max(0, ...stalls), `stalls (ms): ${stalls.map(Math.round).join(", ")}`).toBeLessThanOrEqual(1_000)
  await expect(player).toHaveAttribute("data-rendition", "audio")
})
