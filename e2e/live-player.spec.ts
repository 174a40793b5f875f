// A page built around the video (issue 21): the chat beside the video on a desktop and below it on a
// phone, the « En direct » badge with the viewer count, the session's name as title, theatre mode and
// full screen; the quality menu (Auto, each rendition, « Son seul », remembered per browser); a viewer
// whose media is refused (403: expired token) is told to reload instead of a spinning player; a student
// on a throttled link settles on the rendition that fits (a 720p live published by the test itself).
import { randomUUID } from "node:crypto"

import { expect, test, type Locator, type Page } from "@playwright/test"

import { apiSignIn, USERS } from "./fixtures/auth"
import { liveSlugOfMeeting, seedStartingLive, setLiveStatus, stopAllLives } from "./fixtures/db"
import { currentTime, expectPlaying, startLiveAsTeacher } from "./fixtures/lives"
import { simulator } from "./fixtures/simulator"
import { publishTestStream } from "./fixtures/test-stream"

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

/** Where the student's media goes through: between the 360p rendition (≈0.95 Mb/s) and the 720p one (≈2.9 Mb/s). */
const THROTTLE_BPS = 1_600_000

/** The master playlist at `url` once the origin lists the whole ladder (three renditions). */
async function masterPlaylist(url: string): Promise<string> {
  let body = ""
  await expect
    .poll(
      async () => {
        const response = await fetch(url, { cache: "no-store" }).catch(() => null)
        body = response?.ok ? await response.text() : ""
        return body.split("\n").filter((line) => line.startsWith("#EXT-X-STREAM-INF")).length
      },
      { timeout: 30_000, message: `the origin's master playlist ${url}` },
    )
    .toBe(3)
  return body
}

test("a throttled student (1.6 Mb/s) settles on 360p of a 720p live within 10 s and plays without stalls over 1 s", async ({ page }) => {
  // A live whose streamer sends 720p (the stand-in streamer sends 640×360): published by the test itself.
  const live = await seedStartingLive(`Amphi en 4G ${randomUUID().slice(0, 6)}`)
  const stream = publishTestStream(live.streamKey, { size: "1280x720", maxSeconds: 60 })
  try {
    // The student opens the page (at full speed) while the live is about to start.
    await page.goto(`/lives/${live.slug}`)
    await expect(page.getByTestId("live-not-started")).toBeVisible()
    await expect(page.getByTestId("viewer-count")).toHaveText("1 spectateur", { timeout: 20_000 }) // its event stream is up

    // The origin's ladder for a 720p input: 720p, 360p and sound only, each described for the player.
    const master = await masterPlaylist(live.hlsUrl)
    const renditions = master
      .split("\n")
      .filter((line) => line.startsWith("#EXT-X-STREAM-INF"))
      .map((line) => ({ bandwidth: Number(/BANDWIDTH=(\d+)/.exec(line)?.[1]), resolution: /RESOLUTION=(\d+x\d+)/.exec(line)?.[1], codecs: /CODECS="([^"]+)"/.exec(line)?.[1] }))
    expect(renditions.map((r) => [r.resolution, r.codecs])).toEqual([
      ["1280x720", expect.stringMatching(/^avc1\.[0-9a-f]{6},mp4a\.40\.2$/)],
      ["640x360", expect.stringMatching(/^avc1\.[0-9a-f]{6},mp4a\.40\.2$/)],
      [undefined, "mp4a.40.2"],
    ])
    const [hd, sd, audio] = renditions.map((r) => r.bandwidth) as [number, number, number]
    expect(hd, "720p ≈2.5 Mb/s").toBeGreaterThan(2_000_000)
    expect(sd, "360p ≈0.8 Mb/s").toBeGreaterThan(700_000)
    expect(audio, "sound only ≈64 kb/s").toBeLessThan(128_000)
    expect(sd, "360p fits the throttled link, with room to spare").toBeLessThan(THROTTLE_BPS * 0.7)
    expect(hd, "720p does not").toBeGreaterThan(THROTTLE_BPS)

    // The student's link drops to 1.6 Mb/s (Chromium's own throttling), and only then does the live
    // go on air: every media request, hls.js itself included, goes through it.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send("Network.enable")
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: THROTTLE_BPS / 8, uploadThroughput: THROTTLE_BPS / 8 })
    await page.getByTestId("live-player").evaluate((player) => {
      const video = player.querySelector("video")!
      const w = window as unknown as { stalls: number[]; stalledAt: number | null; renditions: string[] }
      w.stalls = []
      w.stalledAt = null
      w.renditions = []
      video.addEventListener("waiting", () => (w.stalledAt ??= performance.now()))
      video.addEventListener("playing", () => {
        if (w.stalledAt !== null && video.currentTime > 0.5) w.stalls.push(performance.now() - w.stalledAt)
        w.stalledAt = null
      })
      // Every rendition the player reports playing, in order.
      new MutationObserver(() => w.renditions.push(player.getAttribute("data-rendition") ?? "")).observe(player, { attributeFilter: ["data-rendition"] })
    })
    await setLiveStatus(live.liveId, "RUNNING")

    // Auto settles on 360p (the ladder's 720p never fits) within 10 s, and plays.
    const player = page.getByTestId("live-player")
    await expect(player).toHaveAttribute("data-rendition", "360p", { timeout: 10_000 })
    const menu = page.getByLabel("Qualité")
    await expect(menu).toHaveValue("auto")
    await expect(menu.locator("option")).toHaveText(["Auto (360p)", "720p", "360p", "Son seul"])
    await expectPlaying(page)

    // Settled: 5 s more of playback on 360p, no stall over a second, never 720p nor « Son seul ».
    await page.evaluate(() => ((window as unknown as { stalls: number[] }).stalls = []))
    const from = await currentTime(page)
    await expect.poll(() => currentTime(page), { timeout: 15_000, message: "5 s of playback" }).toBeGreaterThan(from + 5)
    const watched = await page.evaluate(() => {
      const { stalls, stalledAt, renditions } = window as unknown as { stalls: number[]; stalledAt: number | null; renditions: string[] }
      // A stall still going on counts for as long as it has lasted.
      return { stalls: stalledAt === null ? stalls : [...stalls, performance.now() - stalledAt], renditions }
    })
    expect(Math.max(0, ...watched.stalls), `stalls (ms): ${watched.stalls.map(Math.round).join(", ")}`).toBeLessThanOrEqual(1_000)
    expect(new Set(watched.renditions), `renditions played: ${watched.renditions.join(" → ")}`).toEqual(new Set(["360p"]))
    await expect(player).toHaveAttribute("data-rendition", "360p")
  } finally {
    await stream.stop()
  }
})
