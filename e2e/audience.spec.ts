// Teachers see their audience (issue 23): a live watched by 5 students (3 signed in, one of them with
// two tabs, and 2 anonymous browsers) counts 5 on its page; the worker's sampler records that peak;
// the teacher's « Mes directs » detail and both CSV exports agree; a killed tab leaves the count
// within 15 s. Another teacher gets 404 for this live.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test"

import { apiSignIn, USERS } from "./fixtures/auth"
import { watchCsp } from "./fixtures/csp"
import { addChatMessage, peakAudienceSample, seedStartingLive, setLiveStatus, stopAllLives } from "./fixtures/db"
import { createTeacher } from "./fixtures/users"

const contexts: BrowserContext[] = []

async function viewer(browser: Browser, slug: string, user?: { username: string; password: string }): Promise<Page> {
  const context = await browser.newContext()
  contexts.push(context)
  const page = await context.newPage()
  if (user) await apiSignIn(page, user)
  await page.goto(`/lives/${slug}`)
  await expect(page.getByTestId("viewer-count")).toHaveText(/^\d+ spectateurs?$/)
  return page
}

test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()))
  await stopAllLives()
})

test("the page's count, the peak sample, « Mes directs » and the CSV exports agree; a killed tab leaves within 15 s", async ({ browser, page }) => {
  test.setTimeout(240_000)
  const name = `Amphi audience ${Math.random().toString(36).slice(2, 8)}`
  const { liveId, slug } = await seedStartingLive(name, { chat: true })
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
  await expect(page.getByTestId("audience-chart").locator("canvas")).toBeVisible()
  await expect(page.getByTestId("transcript")).toContainText("=1+1 ?")
  const samples = await page.request.get(`/my-lives/${liveId}/samples`)
  expect(samples.headers()["content-type"]).toContain("text/csv")
  const viewersColumn = (await samples.text()).trim().split("\r\n").slice(1).map((line) => Number(line.split(";")[1]))
  expect(Math.max(...viewersColumn)).toBe(5)
  const transcript = await (await page.request.get(`/my-lives/${liveId}/transcript`)).text()
  expect(transcript).toContain(`;Lucas;'=1+1 ?`)
  expect(violations).toEqual([])

  // Another teacher: this live does not exist for them.
  await apiSignIn(page, second)
  expect((await page.goto(`/my-lives/${liveId}`))?.status()).toBe(404)
  expect((await page.request.get(`/my-lives/${liveId}/samples`)).status()).toBe(404)
})
