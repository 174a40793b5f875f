// Issue 14, as an attacker and as a browser see it: security headers on every response, a CSP that
// the pages live with (no violation), framing refused except for live pages from the LMS origin,
// the sign-in page refusing framing and a restricted live framed without a session offering a new tab
// (issue 28 item 11), sign-in throttling explained on the sign-in page, refused attempts listed for admins with the
// real client address, and a deactivated account's session ending at its next request.
import { randomUUID } from "node:crypto"
import { readFile } from "node:fs/promises"
import { createServer, type Server } from "node:http"
import path from "node:path"

import { expect, test, type APIRequestContext, type Page } from "@playwright/test"

import { apiSignIn, USERS } from "./fixtures/auth"
import { watchCsp } from "./fixtures/csp"
import { E2E_ENV, E2E_VAR_DIR, EMBEDDER_PORTS } from "./fixtures/env"
import { seedStartingLive } from "./fixtures/db"
import { simulator } from "./fixtures/simulator"
import { createTeacher, setUserActive } from "./fixtures/users"

// Real loopback servers, other origins than the app's (localhost): Chromium refuses to let a page
// without a local address (one that Playwright would fulfil) frame a local one.
const LMS_ORIGIN = E2E_ENV.LIVE_EMBED_ORIGINS!
const OTHER_ORIGIN = `http://127.0.0.1:${EMBEDDER_PORTS.other}`

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  expect(headers["x-content-type-options"], where).toBe("nosniff")
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin")
  expect(headers["permissions-policy"], where).toContain("camera=()")
  const csp = headers["content-security-policy"] ?? ""
  expect(csp, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/)
  expect(csp, where).toContain(`media-src 'self' blob: ${new URL(E2E_ENV.POD_HLS_STREAM!).origin}`)
  expect(csp, where).not.toContain("unsafe-inline")
  // Plain HTTP here: no HSTS (a browser would ignore it anyway).
  expect(headers["strict-transport-security"], where).toBeUndefined()
}

async function failedSignIn(request: APIRequestContext, username: string, headers: Record<string, string> = {}) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password: "not-the-password", json: "true" },
    headers,
    maxRedirects: 0,
  })
  return { status: response.status(), body: (await response.json()) as { url?: string } }
}

test.describe("security headers", () => {
  test("every kind of response carries them: pages, redirects, 404s, API answers, static files", async ({ page, request }) => {
    await apiSignIn(page, USERS.admin)
    const signedIn = page.context().request
    const paths = ["/lives", "/meetings", "/admin", "/admin/attendees", "/admin/sign-ins", "/no-such-page", "/api/health", "/api/auth/csrf"]
    for (const path of paths) {
      const response = await signedIn.get(path, { maxRedirects: 0 })
      expectSecurityHeaders(response.headers(), `${path} (admin, ${response.status()})`)
      expect(response.headers()["x-frame-options"], path).toBe("DENY")
    }
    for (const path of ["/login", "/meetings", "/admin"]) {
      const response = await request.get(path, { maxRedirects: 0 })
      expectSecurityHeaders(response.headers(), `${path} (anonymous, ${response.status()})`)
    }
    await page.goto("/lives")
    const asset = await page.locator("script[src^='/_next/static/']").first().getAttribute("src")
    expectSecurityHeaders((await request.get(asset!)).headers(), asset!)
  })

  test("each page gets its own nonce, and Next.js puts it on every script it renders", async ({ request }) => {
    const first = await request.get("/login")
    const second = await request.get("/login")
    expect(first.headers()["content-security-policy"]).not.toBe(second.headers()["content-security-policy"])
    const nonce = /'nonce-([^']+)'/.exec(second.headers()["content-security-policy"]!)![1]
    const scripts = (await second.text()).match(/<script\b[^>]*>/g) ?? []
    expect(scripts.length).toBeGreaterThan(0)
    expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([])
  })
})

test.describe("the CSP leaves the pages working", () => {
  test("teacher pages: no violation, scripts run (live updates, forms)", async ({ page }) => {
    await simulator.reset()
    const name = `CSP ${randomUUID().slice(0, 6)}`
    await simulator.createMeeting({ meetingID: `e2e-${randomUUID()}`, name, attendees: [{ fullName: "Hélène Lefèvre", role: "MODERATOR" }] })
    const violations = await watchCsp(page)
    await apiSignIn(page, USERS.teacher)
    await page.goto("/meetings")
    // The meeting appears without a reload: server-sent events went through the CSP.
    const card = page.getByRole("article").filter({ has: page.getByRole("heading", { name }) })
    await expect(card).toBeVisible()
    await card.getByRole("link", { name: "Réaliser un direct" }).click()
    await expect(page.getByRole("heading", { level: 1, name: "Confirmer le direct" })).toBeVisible()
    await page.getByLabel("Permettre aux spectateurs d'écrire depuis la page du direct").check()
    await page.goto("/lives")
    await page.getByRole("button", { name: "en" }).click()
    await expect(page.getByRole("heading", { name: "Lives" })).toBeVisible()
    await page.getByRole("button", { name: "fr" }).click()
    await expect(page.getByRole("heading", { name: "Directs" })).toBeVisible()
    expect(violations).toEqual([])
  })

  test("admin pages and the sign-in page: no violation", async ({ page }) => {
    const violations = await watchCsp(page)
    await page.goto("/login")
    await page.getByLabel("Identifiant ou adresse e-mail").fill(USERS.admin.username)
    await page.getByLabel("Mot de passe").fill(USERS.admin.password)
    await page.getByRole("button", { name: "Se connecter", exact: true }).click()
    await expect(page.getByTestId("signed-in-user")).toBeVisible()
    for (const [path, heading] of [
      ["/admin", "Administration"],
      ["/admin/attendees", "Participants"],
      ["/admin/sign-ins", "Connexions refusées"],
      ["/admin/lives", "Directs"],
      ["/admin/meetings", "Sessions"],
      ["/admin/audit", "Journal d'audit"],
      ["/meetings", "Réaliser un direct"],
    ] as const) {
      await page.goto(path)
      await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible()
    }
    await page.getByRole("link", { name: "Administration" }).first().click()
    await expect(page).toHaveURL(/\/admin$/)
    expect(violations).toEqual([])
  })
})

test.describe("framing", () => {
  let servers: Server[] = []
  test.beforeAll(async ({ baseURL }) => {
    // Each stand-in site answers any path with a page framing the app path given after /frame.
    servers = await Promise.all(
      Object.values(EMBEDDER_PORTS).map(
        (port) =>
          new Promise<Server>((resolve) => {
            const server = createServer((request, response) => {
              const target = new URL(request.url!.replace(/^\/frame/, ""), baseURL).toString()
              response.writeHead(200, { "content-type": "text/html" })
              response.end(`<!doctype html><title>LMS</title><iframe src="${target}" width="800" height="600"></iframe>`)
            })
            server.listen(port, "127.0.0.1", () => resolve(server))
          }),
      ),
    )
  })
  test.afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))))
  })

  /** Opens `target` (an app path) in a frame of a page of `origin`; resolves with the browser's refusal, if any. */
  async function frameFrom(page: Page, origin: string, target: string) {
    const refused = new Promise<string>((resolve) =>
      page.on("console", (m) => {
        if (/frame-ancestors/.test(m.text())) resolve(m.text())
      }),
    )
    await page.goto(`${origin}/frame${target}`)
    return { refused }
  }

  test("a normal page refuses to be framed, even by the LMS origin", async ({ page }) => {
    const { refused } = await frameFrom(page, LMS_ORIGIN, "/lives")
    expect(await refused).toContain("frame-ancestors 'none'")
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "Directs" })).toHaveCount(0)
  })

  test("a live page may be framed by the LMS origin of LIVE_EMBED_ORIGINS, not by another site", async ({ page, request }) => {
    // The rule holds for every /lives/<slug> address: here an unknown live (its "live not found" page).
    const headers = (await request.get("/lives/some-live", { maxRedirects: 0 })).headers()
    expect(headers["content-security-policy"]).toContain(`frame-ancestors 'self' ${LMS_ORIGIN}`)
    expect(headers["x-frame-options"]).toBeUndefined()

    await frameFrom(page, LMS_ORIGIN, "/lives/some-live")
    await expect(page.frameLocator("iframe").getByRole("heading", { level: 1 })).toBeVisible()

    const other = await page.context().newPage()
    const { refused } = await frameFrom(other, OTHER_ORIGIN, "/lives/some-live")
    expect(await refused).toContain(`frame-ancestors 'self' ${LMS_ORIGIN}`)
  })

  test("the sign-in page refuses to be framed, even by the LMS origin", async ({ page, request }) => {
    const headers = (await request.get("/login")).headers()
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'")
    expect(headers["x-frame-options"]).toBe("DENY")
    const { refused } = await frameFrom(page, LMS_ORIGIN, "/login")
    expect(await refused).toContain("frame-ancestors 'none'")
    await expect(page.frameLocator("iframe").getByLabel("Mot de passe")).toHaveCount(0)
  })

  test("a restricted live framed by the LMS has no session there (SameSite=Lax): it offers a new tab, where the signed-in student watches", async ({ page }) => {
    const name = `Cours encadré ${randomUUID().slice(0, 8)}`
    const { slug } = await seedStartingLive(name, { restricted: true })
    // Signed in on the app's own site: the cookie exists, but a frame of another site does not send it.
    await apiSignIn(page, USERS.student)
    await frameFrom(page, LMS_ORIGIN, `/lives/${slug}`)
    const frame = page.frameLocator("iframe")
    await expect(frame.getByTestId("framed-sign-in")).toContainText("Direct réservé aux personnes connectées")
    const open = frame.getByRole("link", { name: "Ouvrir le direct dans un nouvel onglet" })
    await expect(open).toHaveAttribute("target", "_blank")
    // The frame stayed on the live's address (no redirect to a sign-in page it could not show).
    expect(page.frames().some((f) => f.url().endsWith(`/lives/${slug}`))).toBe(true)

    const [tab] = await Promise.all([page.waitForEvent("popup"), open.click()])
    await expect(tab).toHaveURL(new RegExp(`/lives/${slug}$`))
    await expect(tab.getByRole("heading", { level: 1, name, exact: true })).toBeVisible()
  })

  test("the same restricted live opened anonymously outside a frame still goes to sign-in", async ({ page }) => {
    const { slug } = await seedStartingLive(`Cours restreint ${randomUUID().slice(0, 8)}`, { restricted: true })
    await page.goto(`/lives/${slug}`)
    await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(`/lives/${slug}`)}`))
  })
})

test.describe("sign-in throttling", () => {
  test("an account is blocked after repeated failures, the sign-in page says so, admins see the attempts with the real address", async ({ page, request }) => {
    const username = `ghost-${randomUUID().slice(0, 8)}`
    // A forged X-Forwarded-For changes nothing: no proxy is trusted here.
    for (let i = 0; i < 5; i += 1) {
      const { status, body } = await failedSignIn(request, username, { "x-forwarded-for": "203.0.113.66" })
      expect(status).toBe(401)
      expect(body.url).toContain("error=CredentialsSignin")
    }
    const blocked = await failedSignIn(request, username)
    expect(blocked.body.url).toContain("error=SIGN_IN_THROTTLED%3A")

    await page.goto("/login")
    await page.getByLabel("Identifiant ou adresse e-mail").fill(username)
    await page.getByLabel("Mot de passe").fill("another-guess")
    await page.getByRole("button", { name: "Se connecter", exact: true }).click()
    await expect(page.locator("#main").getByRole("alert")).toHaveText(
      "Trop de tentatives de connexion échouées\u00a0: par sécurité, la connexion est bloquée. Réessayez dans 15 minutes.",
    )

    // Another account signs in meanwhile.
    await apiSignIn(page, USERS.admin)
    await page.goto("/admin/sign-ins")
    const rows = page.getByTestId("sign-in-attempt").filter({ hasText: username })
    await expect(rows).toHaveCount(7)
    await expect(rows.first()).toContainText("Bloquée (trop d'échecs)")
    await expect(rows.last()).toContainText("Identifiants incorrects")
    await expect(page.getByText("203.0.113.66")).toHaveCount(0)
    await expect(rows.first().getByTestId("sign-in-ip")).toHaveText(/^(127\.0\.0\.1|::1)$/)
  })

  test("a throttled sign-in reached through its error URL is explained too", async ({ page }) => {
    await page.goto("/login?error=SIGN_IN_THROTTLED%3A30")
    await expect(page.locator("#main").getByRole("alert")).toHaveText(
      "Trop de tentatives de connexion échouées\u00a0: par sécurité, la connexion est bloquée. Réessayez dans 1 minute.",
    )
  })
})

/** Status of the server-sent events stream for this page's session (read at its headers, then closed). */
function eventsStatus(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const abort = new AbortController()
    const response = await fetch("/api/events", { signal: abort.signal })
    abort.abort()
    return response.status
  })
}

test("a deactivated account's session stops working at its next request", async ({ page }) => {
  const teacher = await createTeacher()
  await apiSignIn(page, teacher)
  await page.goto("/meetings")
  await expect(page.getByRole("heading", { level: 1, name: "Réaliser un direct" })).toBeVisible()
  expect(await eventsStatus(page)).toBe(200)

  await setUserActive(teacher.id, false)
  await page.goto("/meetings")
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fmeetings/)
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0)
  expect(await eventsStatus(page)).toBe(401)
})

test("a session cookie replayed after sign-out is nobody (issue 28 item 3)", async ({ page, playwright, baseURL }) => {
  const teacher = await createTeacher()
  await apiSignIn(page, teacher)
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ")
  /** A client of its own, holding only the copied cookie (what an attacker replays), asks `path`. */
  const replay = async (path: string) => {
    const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie } })
    try {
      return (await (await client.get(path)).json()) as Record<string, unknown>
    } finally {
      await client.dispose()
    }
  }
  const me = async () => (await replay("/api/me")).viewer
  expect(await me()).toMatchObject({ role: "TEACHER" })
  expect(await replay("/api/auth/session")).toMatchObject({ uid: teacher.id })

  const request = page.context().request
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }
  expect((await request.post("/api/auth/signout", { form: { csrfToken, json: "true" }, maxRedirects: 0 })).status()).toBeLessThan(400)
  expect(await me()).toBeNull()
  // next-auth's own session endpoint neither answers nor renews it.
  expect(await replay("/api/auth/session")).toEqual({})
})

test("a server action POST without Origin is refused by the proxy (issue 28 item 8)", async ({ page }) => {
  await apiSignIn(page, USERS.teacher)
  const request = page.context().request
  const refused = await request.post("/meetings", { headers: { "next-action": "0123456789abcdef", "content-type": "text/plain;charset=UTF-8" }, data: "[]", maxRedirects: 0 })
  expect(refused.status()).toBe(403)
})

test.describe("bad input", () => {
  // scripts/e2e-server.sh keeps the app's output there (tests run one at a time: only ours is in the window)
  const APP_LOG = path.resolve(E2E_VAR_DIR, "app.log")
  const logLength = async () => (await readFile(APP_LOG, "utf8")).length
  const logSince = async (from: number) => (await readFile(APP_LOG, "utf8")).slice(from)

  test("a malformed escape or a NUL in a live's address answers 4xx with the usual page, and logs no error", async ({ page, request }) => {
    const from = await logLength()
    for (const address of ["/lives/%E0%A4%A", "/lives/bbb-%00-live", "/lives/%00", "/api/lives/bbb-%00-live/playlist", "/api/lives/%E0%A4%A/events"]) {
      const response = await request.get(address, { maxRedirects: 0 })
      expect([400, 404], address).toContain(response.status())
    }
    for (const address of ["/lives/%E0%A4%A", "/lives/bbb-%00-live"]) {
      const response = await page.goto(address)
      expect([400, 404], address).toContain(response?.status())
      await expect(page.getByRole("heading", { level: 1, name: "Direct introuvable" }), address).toBeVisible()
    }
    const log = await logSince(from)
    expect(log).not.toMatch(/"level":(50|60)/)
    expect(log).not.toMatch(/URIError|invalid byte sequence|⨯/)
  })

  test("a return path with non-ASCII characters: the sign-in page, then the redirect of a signed-in visitor, never a 500", async ({ page, request }) => {
    const from = await logLength()
    for (const query of [`?callbackUrl=${encodeURIComponent("/lives/cours-de-thermo-été")}`, "", "?callbackUrl=/a&callbackUrl=/b"]) {
      const anonymous = await request.get(`/login${query}`)
      expect(anonymous.status(), query).toBe(200)
      expect(await anonymous.text(), query).toContain("Identifiant ou adresse e-mail")
    }
    await apiSignIn(page, USERS.teacher)
    const signedIn = page.context().request
    // "€" and "講義" are beyond Latin-1: raw in a Location header, Node.js refuses them (the 500)
    const encoded = await signedIn.get(`/login?callbackUrl=${encodeURIComponent("/lives/été-€-講義")}`, { maxRedirects: 0 })
    expect([303, 307, 308]).toContain(encoded.status())
    expect(encoded.headers()["location"]).toMatch(/\/lives\/%C3%A9t%C3%A9-%E2%82%AC-%E8%AC%9B%E7%BE%A9$/)
    const controls = await signedIn.get(`/login?callbackUrl=${encodeURIComponent("/lives/\u0000\n")}`, { maxRedirects: 0 })
    expect(controls.headers()["location"]).toMatch(/^(https?:\/\/[^/]+)?\/$/) // the home, which sends each role to its page
    // what a browser sends when the address bar holds the raw characters
    await page.goto("/login?callbackUrl=/meetings/€")
    await expect(page).toHaveURL(/\/meetings\/%E2%82%AC$/)
    const log = await logSince(from)
    expect(log).not.toMatch(/"level":(50|60)/)
    expect(log).not.toMatch(/ERR_INVALID_CHAR|Invalid character|⨯/)
  })
})
