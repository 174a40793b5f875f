// Every page, in French and English, on a desktop (1280×800) and a phone (390×844): nothing
// scrolls sideways, no table column and no navigation entry is cut off, the tab title names the page,
// and axe finds no serious or critical violation. axe (half of a case's time) reads the French pages:
// the English ones are the same markup with other words, whose length the layout checks cover.
// The French runs save one screenshot per page and viewport under docs/screenshots/.
import { randomUUID } from "node:crypto"

import AxeBuilder from "@axe-core/playwright"
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test"

import { demoLiveId, demoMeetingId } from "./fixtures/admin-a"
import { attendeeLink, demoAdminIds, LONG, seedLongValues } from "./fixtures/admin-db"
import { apiSignIn, USERS } from "./fixtures/auth"
import { createOidcProvider } from "./fixtures/oidc-provider"
import { hasRefusedSignIn, liveSlugOfMeeting, resetClaimableRecordings, resetExternalRecordings, stopAllLives } from "./fixtures/db"
import { simulator } from "./fixtures/simulator"

type Role = keyof typeof USERS | "anonymous"
type PageCase = {
  name: string
  role: Role
  path: string | (() => string)
  status?: number
  ready?: (page: Page) => Promise<void>
  /** Its tables fit their box at 1280 px (no sideways scroll needed on a desktop). */
  fitsAt1280?: boolean
}

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } } as const
const APP_NAME = { fr: "Pod Directs BBB", en: "Pod BBB Lives" } as const

let requestFormPath = ""
let liveSlug = ""
let adminLivePath = ""
let adminMeetingPath = ""
/** Pages of one admin row (ids of the demo data), found in beforeAll. */
const adminPaths = { attendee: "", user: "", broadcaster: "", building: "" }

const PAGES: PageCase[] = [
  { name: "lives", role: "anonymous", path: "/lives", ready: (page) => expect(page.getByTestId("on-air-live")).toHaveCount(1) },
  {
    name: "live",
    role: "student",
    path: () => `/lives/${liveSlug}`,
    // The real stream plays (the screenshot shows the video, not the poster).
    ready: (page) =>
      expect.poll(() => page.getByTestId("live-video").evaluate((v) => (v as HTMLVideoElement).currentTime), { timeout: 40_000 }).toBeGreaterThan(0.5),
  },
  { name: "live-not-found", role: "anonymous", path: "/lives/no-such-live", status: 404 },
  { name: "login", role: "anonymous", path: "/login", ready: (page) => expect(page.getByRole("button", { name: /Université SSO/ })).toBeEnabled() },
  {
    name: "meetings",
    role: "teacher",
    path: "/meetings",
    ready: async (page) => {
      await expect(page.getByRole("article")).toHaveCount(2)
      await expect(page.getByTestId("live-status")).toHaveCount(1)
    },
  },
  { name: "meetings-empty", role: "otherTeacher", path: "/meetings", ready: (page) => expect(page.getByTestId("no-meetings")).toBeVisible() },
  { name: "live-request", role: "teacher", path: () => requestFormPath },
  {
    name: "admin",
    role: "admin",
    path: "/admin",
    // The last 30 days (demo seed): a chart per figure, drawn, and the table of the same 30 days.
    ready: async (page) => {
      await expect(page.getByTestId(/^platform-chart-/).locator("canvas")).toHaveCount(5)
      await expect(page.getByTestId("platform-day")).toHaveCount(30)
      await expect(page.getByTestId("platform-lives")).not.toHaveText("0")
    },
  },
  {
    name: "admin-attendees",
    role: "admin",
    path: "/admin/attendees",
    ready: async (page) => {
      await expect(page.getByTestId(/^attendee-/)).toHaveCount(2)
    },
  },
  { name: "admin-attendees-all", role: "admin", path: "/admin/attendees?state=all", ready: (page) => expect(page.getByTestId("list-total")).toBeVisible() },
  { name: "admin-attendee", role: "admin", path: () => adminPaths.attendee, ready: (page) => expect(page.getByTestId("attendee-state")).toBeVisible() },
  // Long values (seedLongValues) are cut in their cells, never widen the table.
  {
    name: "admin-users",
    role: "admin",
    path: "/admin/users",
    fitsAt1280: true,
    ready: (page) => expect(page.getByTestId(/^user-\d+$/).filter({ hasText: LONG.lastName.slice(0, 40) })).toBeVisible(),
  },
  { name: "account-password", role: "student", path: "/account/password", ready: (page) => expect(page.getByLabel("Mot de passe actuel").or(page.getByLabel("Current password"))).toBeVisible() },
  { name: "admin-user-new", role: "admin", path: "/admin/users/new" },
  { name: "admin-user", role: "admin", path: () => adminPaths.user, ready: (page) => expect(page.getByTestId("user-status")).toBeVisible() },
  {
    name: "admin-broadcasters",
    role: "admin",
    path: "/admin/broadcasters",
    ready: (page) => expect(page.getByTestId(/^broadcaster-\d+$/).filter({ hasText: "Amphi Pasteur" })).toBeVisible(),
  },
  { name: "admin-broadcaster-new", role: "admin", path: "/admin/broadcasters/new" },
  { name: "admin-broadcaster", role: "admin", path: () => adminPaths.broadcaster },
  {
    name: "admin-buildings",
    role: "admin",
    path: "/admin/buildings",
    fitsAt1280: true,
    ready: (page) => expect(page.getByTestId(/^building-\d+$/).filter({ hasText: LONG.building.slice(0, 40) })).toBeVisible(),
  },
  { name: "admin-building", role: "admin", path: () => adminPaths.building, ready: (page) => expect(page.getByTestId("building-broadcasters")).toBeVisible() },
  {
    name: "admin-sign-ins",
    role: "admin",
    path: "/admin/sign-ins",
    ready: (page) => expect(page.getByTestId("sign-in-attempt").filter({ hasText: "marie.dupont" }).first()).toBeVisible(),
  },
  { name: "admin-health", role: "admin", path: "/admin/health", ready: (page) => expect(page.getByTestId("health-status")).toBeVisible() },
  { name: "admin-lives", role: "admin", path: "/admin/lives", fitsAt1280: true, ready: (page) => expect(page.getByTestId(/^admin-live-\d+$/).first()).toBeVisible() },
  { name: "admin-live", role: "admin", path: () => adminLivePath, ready: (page) => expect(page.getByTestId("admin-live-facts")).toBeVisible() },
  { name: "admin-meetings", role: "admin", path: "/admin/meetings", ready: (page) => expect(page.getByTestId(/^admin-meeting-\d+$/).first()).toBeVisible() },
  {
    name: "admin-meeting",
    role: "admin",
    path: () => adminMeetingPath,
    ready: (page) => expect(page.getByTestId(/^meeting-attendee-\d+$/)).toHaveCount(3),
  },
  {
    name: "admin-audit",
    role: "admin",
    path: "/admin/audit",
    fitsAt1280: true,
    ready: (page) => expect(page.getByTestId(/^audit-\d+$/).filter({ hasText: LONG.lastName.slice(0, 40) }).first()).toBeVisible(),
  },
  {
    name: "recordings-external",
    role: "teacher",
    path: "/recordings/external",
    ready: (page) => expect(page.getByTestId(/^external-\d+$/)).toHaveCount(EXTERNAL_RECORDINGS),
  },
  {
    name: "recordings-claim",
    role: "teacher",
    path: "/recordings/claim",
    ready: (page) => expect(page.getByTestId(/^claimable-\d+$/)).toHaveCount(CLAIMABLE_RECORDINGS),
  },
  { name: "forbidden", role: "student", path: "/admin", status: 403 },
  { name: "not-found", role: "anonymous", path: "/no-such-page", status: 404 },
]

const EXTERNAL_RECORDINGS = 4
const CLAIMABLE_RECORDINGS = 3

/** A refused sign-in, as a mistyped password leaves it on the admins' list. */
async function refusedSignIn(request: APIRequestContext, username: string): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }
  await request.post("/api/auth/callback/credentials", { form: { csrfToken, username, password: "wrong-password", json: "true" }, maxRedirects: 0 })
}

/** The teacher's external videos (one of each kind and state) and three recordings left to claim. */
async function seedRecordings(): Promise<void> {
  const day = (n: number, hour: number) => new Date(Date.UTC(2026, 9, n, hour - 2, 0))
  await resetExternalRecordings(USERS.teacher.username, [
    { name: "Amphi L1 — Chimie générale, séance 3", type: "BIGBLUEBUTTON", sourceUrl: "https://bbb.univ.example/playback/presentation/2.3/a1b2c3", startAt: day(14, 10) },
    { name: "TD de thermodynamique (groupe 2)", type: "BIGBLUEBUTTON", sourceUrl: "https://bbb.univ.example/playback/presentation/2.3/d4e5f6", startAt: day(9, 14), state: "IMPORTED" },
    { name: "Les liaisons covalentes en 10 minutes", type: "PEERTUBE", sourceUrl: "https://video.univ.example/w/9x8y7z", startAt: day(2, 9) },
    { name: "Conférence d'ouverture du semestre", type: "YOUTUBE", sourceUrl: "https://www.youtube.com/watch?v=abc123", startAt: day(1, 17) },
  ])
  await resetClaimableRecordings([
    { title: "Conseil pédagogique du 14 octobre", recorder: "Amphi A", startAt: day(14, 16) },
    { title: "Soutenances de stage L3 (matinée)", recorder: "Salle 204", startAt: day(10, 9), status: "CONVERTING" },
    { title: "Réunion de rentrée des enseignants", recorder: "Amphi B", startAt: null },
  ])
}

async function createMeeting(name: string, moderator: string): Promise<string> {
  const meetingID = `pages-${randomUUID()}`
  const viewers = Array.from({ length: 5 }, (_, i) => ({ fullName: `Étudiant ${i + 1}`, role: "VIEWER" as const }))
  await simulator.createMeeting({ meetingID, name, attendees: [{ fullName: moderator, role: "MODERATOR" }, ...viewers] })
  return meetingID
}

/** Each role signs in once per run; its next pages start from that session's cookies. */
const sessions = new Map<Role, Awaited<ReturnType<BrowserContext["cookies"]>>>()

async function signedInPage(browser: Browser, role: Role, locale: "fr" | "en", viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, locale: locale === "fr" ? "fr-FR" : "en-GB" })
  const session = sessions.get(role)
  if (session) await context.addCookies(session)
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: test.info().project.use.baseURL! }])
  const page = await context.newPage()
  if (role !== "anonymous" && !session) {
    await apiSignIn(page, USERS[role])
    sessions.set(role, (await context.cookies()).filter((c) => c.name !== "NEXT_LOCALE"))
  }
  return page
}

// The sign-in page as users see it: the SSO provider up (e2e/sso.spec.ts signs in through it; here its
// button only needs the discovery document to answer).
const ssoProvider = createOidcProvider(new Map())
test.afterAll(async () => {
  await ssoProvider.stop()
})

test.beforeAll(async ({ browser }) => {
  await ssoProvider.start()
  await simulator.reset()
  await stopAllLives()
  await seedRecordings()
  await seedLongValues()
  adminLivePath = `/admin/lives/${await demoLiveId("FAILED")}`
  adminMeetingPath = `/admin/meetings/${await demoMeetingId()}`
  // Once per server start (beforeAll runs again after a failed test): each failure counts towards
  // blocking this address.
  if (!(await hasRefusedSignIn("marie.dupont"))) {
    const anonymous = await browser.newContext({ baseURL: test.info().project.use.baseURL })
    for (const username of ["h.lefevre", "marie.dupont"]) await refusedSignIn(anonymous.request, username)
    await anonymous.close()
  }
  // The teacher's page: one session with a requested live, one without; the admin's matching page:
  // namesakes (two "Marie Dupont" accounts) and a name no account bears.
  const onAirMeeting = await createMeeting("Amphi L1 — Chimie générale", "Hélène Lefèvre")
  await createMeeting("TD de thermodynamique (groupe 2)", "Hélène Lefèvre")
  await createMeeting("Séminaire d'histoire moderne", "Marie Dupont")
  await createMeeting("Amphi L2 — Chimie organique", "H. Lefèvre-Durand")
  const page = await signedInPage(browser, "teacher", "fr", VIEWPORTS.desktop)
  await page.goto("/meetings")
  const card = page.getByRole("article").filter({ hasText: "Amphi L1 — Chimie générale" })
  await expect(card).toBeVisible({ timeout: 15_000 })
  await card.getByRole("link", { name: "Réaliser un direct" }).click()
  await page.getByRole("button", { name: "Lancer le direct" }).click()
  await expect(page.getByTestId("flash")).toBeVisible()
  const other = page.getByRole("article").filter({ hasText: "TD de thermodynamique" })
  requestFormPath = (await other.getByRole("link", { name: "Réaliser un direct" }).getAttribute("href"))!
  // The requested live goes on air: its page is one of the pages checked.
  await expect(page.getByTestId("live-status")).toHaveText("En direct", { timeout: 30_000 })
  liveSlug = await liveSlugOfMeeting(onAirMeeting)
  await page.context().close()
  const ids = await demoAdminIds()
  adminPaths.user = `/admin/users/${ids.userId}`
  adminPaths.broadcaster = `/admin/broadcasters/${ids.broadcasterId}`
  adminPaths.building = `/admin/buildings/${ids.buildingId}`
  await expect.poll(async () => (await attendeeLink("H. Lefèvre-Durand"))?.id, { timeout: 15_000 }).toBeDefined()
  adminPaths.attendee = `/admin/attendees/${(await attendeeLink("H. Lefèvre-Durand"))!.id}`
})

test("the site has a favicon", async ({ request }) => {
  const response = await request.get("/favicon.ico")
  expect(response.status()).toBe(200)
  expect(response.headers()["content-type"]).toMatch(/^image\//)
})

test("robots.txt lets the live pages be indexed, not the staff pages; the live poster is served", async ({ request }) => {
  const robots = await request.get("/robots.txt")
  expect(robots.status()).toBe(200)
  expect(await robots.text()).toMatch(/Allow: \/lives[\s\S]*Disallow: \/admin/)
  const poster = await request.get("/live-poster.svg")
  expect(poster.status()).toBe(200)
  expect(poster.headers()["content-type"]).toMatch(/^image\/svg\+xml/)
})

test.afterAll(async () => {
  await stopAllLives()
})

/** Pages that show the live of beforeAll on air; they run first, then the live ends (its streamer and transcoder stop burning CPU). */
const ON_AIR_PAGES = new Set(["lives", "live", "meetings"])

/** The layout checks of a page as it is shown now (`viewportName`: the window it is judged for). */
async function checkLayout(page: Page, p: PageCase, viewportName: "desktop" | "mobile"): Promise<void> {
  // Nothing scrolls sideways.
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }))
  expect(widths.scroll, `page is ${widths.scroll}px wide in a ${widths.inner}px window`).toBeLessThanOrEqual(widths.inner)

  // No table column is clipped: a table sits in a box that scrolls sideways (overflow-x auto or
  // scroll, never hidden), and a table wider than its box makes that box a named region the
  // keyboard can focus (and so scroll); a table with no such box fits the page's column.
  const tables = await page.locator("main table").evaluateAll((elements) =>
    elements
      // uPlot's legend (a chart's hover readout) is part of the chart; its table alternative is checked.
      .filter((table) => table.getClientRects().length > 0 && !table.classList.contains("u-legend"))
      .map((table) => {
        const main = document.querySelector("main")!
        let box = table.parentElement
        while (box && box !== main && getComputedStyle(box).overflowX === "visible") box = box.parentElement
        const name = table.querySelector("caption")?.textContent ?? "table"
        if (!box || box === main) return { name, box: false, fits: table.getBoundingClientRect().right <= main.getBoundingClientRect().right + 1 }
        const overflowX = getComputedStyle(box).overflowX
        return {
          name,
          box: true,
          scrollable: overflowX === "auto" || overflowX === "scroll",
          wider: box.scrollWidth > box.clientWidth,
          focusable: box.tabIndex >= 0,
          named: !!box.getAttribute("aria-label") || !!box.getAttribute("aria-labelledby"),
        }
      }),
  )
  for (const table of tables) {
    if (!table.box) expect(table, `table « ${table.name} » fits the page`).toMatchObject({ fits: true })
    else {
      expect(table, `table « ${table.name} »'s box scrolls sideways`).toMatchObject({ scrollable: true })
      if (table.wider) expect(table, `table « ${table.name} » is wider than its box: a named, focusable region`).toMatchObject({ focusable: true, named: true })
    }
  }
  if (p.fitsAt1280 && viewportName === "desktop") expect(tables.map((t) => t.wider ?? false)).toEqual(tables.map(() => false))

  // Navigation entries are whole: none is cut by its row or pushed out of the window.
  const cutEntries = await page.locator("nav a, nav summary").evaluateAll((elements) =>
    elements
      .filter((el) => el.getClientRects().length > 0)
      .flatMap((el) => {
        const r = el.getBoundingClientRect()
        const nav = el.closest("nav")!.getBoundingClientRect()
        const cut = r.left < nav.left - 1 || r.right > nav.right + 1 || r.left < 0 || r.right > window.innerWidth || el.scrollWidth > el.clientWidth + 1
        return cut ? [el.textContent?.trim() ?? ""] : []
      }),
  )
  expect(cutEntries, "navigation entries cut off").toEqual([])

  // The header takes one row on a desktop, two at most on a phone; the admin sub-navigation one
  // row on a phone (folded to the current area).
  const headerHeight = await page.locator("body > header, header").first().evaluate((el) => el.getBoundingClientRect().height)
  expect(headerHeight).toBeLessThanOrEqual(viewportName === "desktop" ? 64 : 112)
  const adminNav = page.getByTestId("admin-nav")
  if (viewportName === "mobile" && (await adminNav.count()) > 0) {
    expect(await adminNav.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(64)
  }
}

function checkPage(p: PageCase, locale: "fr" | "en", viewportName: "desktop" | "mobile", viewport: { width: number; height: number }): void {
  test(`${p.name} · ${locale} · ${locale === "en" ? "desktop and phone" : viewportName}`, async ({ browser }) => {
    const page = await signedInPage(browser, p.role, locale, viewport)
    const response = await page.goto(typeof p.path === "string" ? p.path : p.path())
    expect(response?.status()).toBe(p.status ?? 200)
    await p.ready?.(page)
    await expect(page.locator("html")).toHaveAttribute("lang", locale)

    // The tab title is "<the page's heading> · <app name>".
    const h1 = page.getByRole("heading", { level: 1 })
    await expect(h1).toHaveCount(1)
    await expect(page).toHaveTitle(`${(await h1.innerText()).trim()} · ${APP_NAME[locale]}`)

    await checkLayout(page, p, viewportName)
    if (locale === "en") {
      // The English phone layout, in the same page: French words run longer, so the French phone
      // case is the tighter one, and this one needs no page load, axe or screenshot of its own.
      await page.setViewportSize(VIEWPORTS.mobile)
      await checkLayout(page, p, "mobile")
    }

    const seriousViolations = async () =>
      (await new AxeBuilder({ page }).analyze()).violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)
    if (locale === "fr") {
      let serious = await seriousViolations()
      // Pages that follow the change feed re-render by themselves: a refresh caught mid-way (its
      // metadata being replaced) is read again once; a real violation is still there the second time.
      if (serious.length > 0) {
        await page.waitForTimeout(500) // (live streams stay open: the network is never idle)
        await expect(page).toHaveTitle(/\S/)
        serious = await seriousViolations()
      }
      expect(serious).toEqual([])
      await page.screenshot({ path: `docs/screenshots/${p.name}${viewportName === "mobile" ? "-mobile" : ""}.png`, fullPage: true })
    }
    await page.context().close()
  })
}

/** French on a desktop and a phone; English on a desktop, then its phone layout in the same page. */
const COMBINATIONS = [
  ["fr", "desktop"],
  ["fr", "mobile"],
  ["en", "desktop"],
] as const
const eachCase = (pages: PageCase[]) => pages.flatMap((p) => COMBINATIONS.map(([locale, viewportName]) => [p, locale, viewportName, VIEWPORTS[viewportName]] as const))

for (const [p, locale, viewportName, viewport] of eachCase(PAGES.filter((p) => ON_AIR_PAGES.has(p.name)))) checkPage(p, locale, viewportName, viewport)

test("once its live has ended, the live page says so and the Directs list is empty", async ({ page }) => {
  await stopAllLives()
  await page.goto(`/lives/${liveSlug}`)
  await expect(page.getByTestId("live-ended")).toBeVisible()
  await page.goto("/lives")
  await expect(page.getByTestId("on-air-live")).toHaveCount(0)
})

for (const [p, locale, viewportName, viewport] of eachCase(PAGES.filter((p) => !ON_AIR_PAGES.has(p.name)))) checkPage(p, locale, viewportName, viewport)
