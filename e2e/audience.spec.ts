// Teachers see their audience (issue 23): a live watched by 5 students (3 signed in, one of them with
// two tabs, and 2 anonymous browsers) counts 5 on its page; the worker's sampler records that peak;
// the teacher's « Mes directs » detail and both CSV exports agree; a killed tab leaves the count
// within 15 s. Another teacher gets 404 for this live. The live streams (a stand-in pushing 640×360:
// the ladder is 360p + « Son seul »), so the players report their rendition: all on Auto, counted on
// 360p in the samples, the detail page and the CSV.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test"

import { apiSignIn, USERS } from "./fixtures/auth"
import { watchCsp } from "./fixtures/csp"
import { addChatMessage, latestAudienceRenditions, peakAudienceSample, seedStartingLive, setLiveStatus, stopAllLives } from "./fixtures/db"
import { publishTestStream, type TestStream } from "./fixtures/test-stream"
import { createTeacher } from "./fixtures/users"

const contexts: BrowserContext[] = []
const streams: TestStream[] = []

async function viewer(browser: Browser, slug: string, user?: { username: string; password: string }): Promise<Page> {
  const context = await browser.newContext()
  contexts.push(context)
  const page = await context.newPage()
  if (user) await apiSignIn(page, user)
  await page.goto(`/lives/${slug}`)
  await expect(page.getByTestId("viewer-count")).toHaveText(/^\d+ spectateurs?$/)
  return page
}

/**
 * Whether a sample's renditions are those the pages report, each viewer once: a viewer with two tabs
 * counts on the one it reported last (either tab's).
 */
function sampleMatches(sample: Record<string, number> | null, reported: (string | null)[][]): boolean {
  if (!sample || reported.some((tabs) => tabs.some((r) => r === null))) return false
  let tallies: Record<string, number>[] = [{}]
  for (const tabs of reported) {
    tallies = tallies.flatMap((t) => [...new Set(tabs)].map((r) => ({ ...t, [r!]: (t[r!] ?? 0) + 1 })))
  }
  const key = (t: Record<string, number>) => JSON.stringify(Object.entries(t).filter(([, n]) => n > 0).sort())
  return tallies.some((t) => key(t) === key(sample))
}

test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()))
  await Promise.all(streams.splice(0).map((stream) => stream.stop()))
  await stopAllLives()
})

test("the page's count, the peak sample, « Mes directs » and the CSV exports agree; a killed tab leaves within 15 s", async ({ browser, page }) => {
  test.setTimeout(240_000)
  const name = `Amphi audience ${Math.random().toString(36).slice(2, 8)}`
  const { liveId, slug, streamKey } = await seedStartingLive(name, { chat: true })
  await setLiveStatus(liveId, "RUNNING")
  await addChatMessage(liveId, "Lucas", "=1+1 ?")
  const [second, third] = [await createTeacher(), await createTeacher()]

  // Opened side by side (the machine may be slow): each waits until its stream counts it.
  const [student, ...others] = await Promise.all([viewer(browser, slug, USERS.student), viewer(browser, slug, second), viewer(browser, slug, third), viewer(browser, slug), viewer(browser, slug)])
  const anonymousTab = others[3]!
  const studentTab2 = await student!.context().newPage()
  await studentTab2.goto(`/lives/${slug}`)
  // Anonymous browsers count once each: a second tab of the first one changes nothing.
  const anonymousTab2 = await others[2]!.context().newPage()
  await anonymousTab2.goto(`/lives/${slug}`)
  for (const p of [student!, studentTab2, ...others, anonymousTab2]) await expect(p.getByTestId("viewer-count")).toHaveText("5 spectateurs")
  await expect.poll(() => peakAudienceSample(liveId), { timeout: 15_000, message: "the sampler records the peak" }).toBe(5)
  // The stream starts (the players were waiting for it): every player, on Auto, plays the ladder's
  // only video rendition (360p) and says so; the samples count each viewer once on what it plays.
  // (Auto's last rung may put a player on « Son seul » when this loaded machine reads its fragments
  // as too slow: then it is counted there, as its page says.)
  streams.push(publishTestStream(streamKey))
  const byViewer = [[student!, studentTab2], [others[0]!], [others[1]!], [others[2]!, anonymousTab2], [anonymousTab]]
  for (const p of byViewer.flat()) await expect(p.getByTestId("live-player")).toHaveAttribute("data-rendition", /^(360p|audio)$/, { timeout: 40_000 })
  await expect.poll(async () => {
    const reported = await Promise.all(byViewer.map((tabs) => Promise.all(tabs.map((p) => p.getByTestId("live-player").getAttribute("data-rendition")))))
    return sampleMatches(await latestAudienceRenditions(liveId), reported)
  }, { timeout: 20_000, message: "the sampler counts the renditions the players report" }).toBe(true)

  // A killed tab (its renderer crashes): gone from the count within 15 s.
  const cdp = await anonymousTab.context().newCDPSession(anonymousTab)
  void cdp.send("Page.crash").catch(() => undefined)
  await expect(student!.getByTestId("viewer-count")).toHaveText("4 spectateurs", { timeout: 15_000 })

  // The teacher's « Mes directs », its detail page and the CSV exports say the same peak.
  const violations = await watchCsp(page)
  await apiSignIn(page, USERS.teacher)
  await page.goto("/my-lives")
  const row = page.getByTestId(`my-live-${liveId}`)
  await expect(row.getByTestId("my-live-peak")).toHaveText("5")
  await row.getByRole("link", { name }).click()
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible()
  await expect(page.getByTestId("audience-peak")).toHaveText("5")
  const inUse = await page.getByTestId("audience-renditions").textContent()
  // Each rendition in use (360p, « Son seul » when Auto's last rung caught a starved player), once.
  for (const part of inUse!.split(" · ")) expect(part).toMatch(/^(360p|Son seul)\u00a0: \d$/)
  expect([...inUse!.matchAll(/: (\d)/g)].reduce((sum, m) => sum + Number(m[1]), 0), "5 viewers at the peak, each on one rendition").toBe(5)
  await expect(page.getByTestId("audience-chart").locator("canvas")).toBeVisible()
  await expect(page.getByTestId("transcript")).toContainText("=1+1 ?")
  const samples = await page.request.get(`/my-lives/${liveId}/samples`)
  expect(samples.headers()["content-type"]).toContain("text/csv")
  const [header, ...lines] = (await samples.text()).replace(/^\uFEFF/, "").trim().split("\r\n")
  const viewersColumn = lines.map((line) => Number(line.split(";")[1]))
  expect(Math.max(...viewersColumn)).toBe(5)
  // One column per rendition reported; at the peak sample, the viewers on them add up to 5.
  const columns = header!.split(";")
  expect(columns.slice(5).length).toBeGreaterThan(0)
  for (const column of columns.slice(5)) expect(["rendition_360p", "rendition_audio"]).toContain(column)
  const onRenditions = lines.map((line) => line.split(";")).filter((cells) => cells[1] === "5" && cells[5] !== "").map((cells) => cells.slice(5).reduce((sum, c) => sum + Number(c), 0))
  expect(onRenditions.at(-1)).toBe(5)
  const transcript = await (await page.request.get(`/my-lives/${liveId}/transcript`)).text()
  expect(transcript).toContain(`;Lucas;'=1+1 ?`)
  expect(violations).toEqual([])

  // Another teacher: this live does not exist for them.
  await apiSignIn(page, second)
  expect((await page.goto(`/my-lives/${liveId}`))?.status()).toBe(404)
  expect((await page.request.get(`/my-lives/${liveId}/samples`)).status()).toBe(404)
})
