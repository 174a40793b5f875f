// Students talk back (issue 9): on a running live with chat enabled, a student's message reaches the
// slot's redis channel exactly as BigBlueButton-liveStreaming's bot expects ("(First Last) text"), a
// second viewer sees it without reload, and the sender is told what became of it. Anonymous viewers
// get no box and the endpoint refuses them; bad inputs each get their clear outcome.
import { randomUUID } from "node:crypto"

import AxeBuilder from "@axe-core/playwright"
import { expect, test, type Browser, type Page } from "@playwright/test"

import { apiSignIn, USERS } from "./fixtures/auth"
import { joinChatBot, slotRedisPort, startSlotRedis, type ChatBot, type SlotRedis } from "./fixtures/chat-bot"
import { chatTargetOfMeeting, liveSlugOfMeeting, resetChatRateLimits, stopAllLives } from "./fixtures/db"
import { simulator } from "./fixtures/simulator"

const HELENE = { fullName: "Hélène Lefèvre", role: "MODERATOR" as const }
/** The demo student (prisma/seed/demo.ts). */
const EMMA = "Emma Étudiante"

let slotRedises: SlotRedis[] = []

test.beforeAll(async () => {
  // Both slots of the e2e streamer server (NUMBER_LIVES=2) get their chat redis, as the compose file would.
  slotRedises = await Promise.all([1, 2].map((n) => startSlotRedis(slotRedisPort(n))))
})

test.afterAll(async () => {
  await Promise.all(slotRedises.map((r) => r.stop()))
})

test.beforeEach(async () => {
  await simulator.reset()
  await stopAllLives()
  await resetChatRateLimits() // one test floods the chat as the student of the next ones
})

async function startLive(browser: Browser, name: string, options: { enableChat: boolean; restricted?: boolean }): Promise<void> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await apiSignIn(page, USERS.teacher)
  await page.goto("/meetings")
  const card = page.getByRole("article").filter({ has: page.getByRole("heading", { name }) })
  await card.getByRole("link", { name: "Réaliser un direct" }).click()
  if (options.enableChat) await page.getByLabel("Permettre aux spectateurs d'écrire depuis la page du direct").check()
  if (options.restricted) await page.getByLabel("Accès restreint").check()
  await page.getByRole("button", { name: "Lancer le direct" }).click()
  await expect(card.getByTestId("live-status")).toHaveText("En direct", { timeout: 30_000 })
  await context.close()
}

async function send(page: Page, text: string): Promise<void> {
  await page.getByLabel("Votre message").fill(text)
  await page.getByRole("button", { name: "Envoyer" }).click()
}

/** The chat message of the page whose body is `text`. */
const messageOf = (page: Page, text: string) => page.getByTestId("chat-message").filter({ has: page.getByTestId("chat-message-body").getByText(text, { exact: true }) })

test("a student's message reaches the room's chat bot and every viewer; anonymous viewers only read", async ({ page, browser, request, baseURL }) => {
  const name = `Amphi bavard ${randomUUID().slice(0, 6)}`
  const meetingID = `e2e-${randomUUID()}`
  await simulator.createMeeting({ meetingID, name, attendees: [HELENE] })
  await startLive(browser, name, { enableChat: true })
  const slug = await liveSlugOfMeeting(meetingID)
  const target = await chatTargetOfMeeting(meetingID)
  let bot: ChatBot = await joinChatBot(target.port, target.channel)

  // The student and an anonymous viewer open the page.
  await apiSignIn(page, USERS.student)
  await page.goto(`/lives/${slug}`)
  await expect(page.getByRole("heading", { level: 2, name: "Discussion" })).toBeVisible()
  await expect(page.getByText("Aucun message pour l'instant.")).toBeVisible()
  const anonymous = await browser.newPage()
  await anonymous.goto(`/lives/${slug}`)
  await expect(anonymous.getByRole("heading", { level: 2, name: "Discussion" })).toBeVisible()
  // no box for anonymous viewers, a sign-in link that comes back here
  await expect(anonymous.getByLabel("Votre message")).toHaveCount(0)
  await expect(anonymous.getByTestId("live-chat").getByRole("link", { name: "Se connecter" })).toHaveAttribute("href", `/login?callbackUrl=${encodeURIComponent(`/lives/${slug}`)}`)

  // The message: delivered to the bot exactly as "(First Last) text", shown to both without reload.
  const text = `Bonjour <script>alert("x")</script> ${randomUUID().slice(0, 4)}`
  await expect(page.getByText("100 caractères restants")).toBeVisible()
  await page.getByLabel("Votre message").fill(text)
  await expect(page.getByText(`${100 - text.length} caractères restants`)).toBeVisible()
  await page.getByRole("button", { name: "Envoyer" }).click()
  await expect(messageOf(page, text).getByTestId("chat-message-outcome")).toHaveText("Transmis à BBB")
  await expect(page.getByLabel("Votre message")).toHaveValue("")
  await expect.poll(() => bot.received).toEqual([`(${EMMA}) ${text}`])
  await expect(messageOf(anonymous, text)).toContainText(EMMA, { timeout: 15_000 })
  // shown as text, never as markup; others do not see the sender's outcome
  await expect(anonymous.locator("[data-testid=chat-message-body] script")).toHaveCount(0)
  await expect(messageOf(anonymous, text).getByTestId("chat-message-outcome")).toHaveCount(0)

  // A multi-line message travels as one line.
  await page.getByLabel("Votre message").fill("première ligne\ndeuxième ligne")
  await page.getByRole("button", { name: "Envoyer" }).click()
  await expect(messageOf(page, "première ligne deuxième ligne").getByTestId("chat-message-outcome")).toHaveText("Transmis à BBB")
  await expect.poll(() => bot.received.at(-1)).toBe(`(${EMMA}) première ligne deuxième ligne`)

  // The bot leaves (streamer restarting): the sender is told nobody relayed it, and the message stays.
  await bot.leave()
  await send(page, "Quelqu'un ?")
  await expect(messageOf(page, "Quelqu'un ?").getByTestId("chat-message-outcome")).toHaveText("Non relayé\u00a0: personne n'écoute dans la salle")
  await expect(messageOf(anonymous, "Quelqu'un ?")).toBeVisible()
  bot = await joinChatBot(target.port, target.channel)

  // The endpoint refuses anonymous posts (and any cross-site post).
  const anonymousPost = await request.post(`/api/lives/${slug}/chat`, { data: { body: "pirate" }, headers: { origin: baseURL! } })
  expect(anonymousPost.status()).toBe(401)
  expect(await anonymousPost.json()).toEqual({ code: "UNAUTHENTICATED" })
  const crossSite = await page.context().request.post(`/api/lives/${slug}/chat`, { data: { body: "csrf" }, headers: { origin: "https://evil.example" } })
  expect(crossSite.status()).toBe(403)
  await anonymous.close()
  expect(bot.received).toEqual([])
  await bot.leave()
})

test("bad messages each get their clear outcome: empty, oversize, flooding", async ({ page, browser, baseURL }) => {
  const name = `TD chat ${randomUUID().slice(0, 6)}`
  const meetingID = `e2e-${randomUUID()}`
  await simulator.createMeeting({ meetingID, name, attendees: [HELENE] })
  await startLive(browser, name, { enableChat: true })
  const slug = await liveSlugOfMeeting(meetingID)
  const target = await chatTargetOfMeeting(meetingID)
  const bot = await joinChatBot(target.port, target.channel)
  await apiSignIn(page, USERS.student)
  await page.goto(`/lives/${slug}`)
  const box = page.getByLabel("Votre message")

  // Empty (or blank): said at once, nothing sent; the error goes as soon as the text changes.
  await send(page, "   ")
  const empty = page.getByText("Écrivez un message avant d'envoyer.")
  await expect(empty).toBeVisible()
  await box.fill("x")
  await expect(empty).toHaveCount(0)
  await expect(page.getByText("99 caractères restants")).toBeVisible()

  // Oversize: nothing is cut (the whole text stays in the box), the page says by how much, and nothing
  // is sent; a direct post beyond the limit is refused with its reason.
  await box.fill("x".repeat(150))
  await expect(box).toHaveValue("x".repeat(150))
  const tooMany = page.getByText("50 caractères de trop : raccourcissez votre message (100 au plus). Rien n'a été envoyé.")
  await expect(tooMany).toBeVisible()
  await expect(box).toHaveAttribute("aria-invalid", "true")
  await page.getByRole("button", { name: "Envoyer" }).click()
  await expect(box).toHaveValue("x".repeat(150))
  await expect(page.getByTestId("chat-message")).toHaveCount(0)
  await box.fill("x".repeat(100))
  await expect(tooMany).toHaveCount(0)
  await expect(page.getByText("Plus aucun caractère disponible")).toBeVisible()
  const tooLong = await page.context().request.post(`/api/lives/${slug}/chat`, { data: { body: "y".repeat(101) }, headers: { origin: baseURL! } })
  expect(tooLong.status()).toBe(422)
  expect(await tooLong.json()).toEqual({ code: "CHAT_MESSAGE_TOO_LONG" })

  // Flooding: after the allowance (5 messages per 10 s, some perhaps spent by the story before), the sender is asked to slow down and the
  // refused text stays in the box (nothing lost).
  for (let i = 1; i <= 8; i++) {
    await send(page, `message ${i}`)
    const refused = page.getByText("Vous envoyez des messages trop vite\u00a0: patientez quelques secondes.")
    const sent = messageOf(page, `message ${i}`)
    await expect(refused.or(sent)).toBeVisible()
    if (await refused.isVisible()) {
      await expect(box).toHaveValue(`message ${i}`)
      break
    }
    expect(i, "refused before the 8th message").toBeLessThan(8)
  }
  await expect(page.getByText("Vous envoyez des messages trop vite\u00a0: patientez quelques secondes.")).toBeVisible()
  expect(bot.received.every((line) => line.startsWith(`(${EMMA}) message `))).toBe(true)
  await bot.leave()

  // When the meeting ends, the box goes away and the page says messages cannot be sent.
  await simulator.endMeeting(meetingID)
  await expect(page.getByText("Le direct n'est pas en cours\u00a0: impossible d'envoyer un message.")).toBeVisible({ timeout: 30_000 })
  await expect(box).toHaveCount(0)
})

test("a restricted live's chat: anonymous posts are refused; a signed-in student chats", async ({ page, browser, request, baseURL }) => {
  const name = `TD restreint bavard ${randomUUID().slice(0, 6)}`
  const meetingID = `e2e-${randomUUID()}`
  await simulator.createMeeting({ meetingID, name, attendees: [HELENE] })
  await startLive(browser, name, { enableChat: true, restricted: true })
  const slug = await liveSlugOfMeeting(meetingID)
  const target = await chatTargetOfMeeting(meetingID)
  const bot = await joinChatBot(target.port, target.channel)

  const refused = await request.post(`/api/lives/${slug}/chat`, { data: { body: "intrus" }, headers: { origin: baseURL! } })
  expect(refused.status()).toBe(401)
  expect(await refused.json()).toEqual({ code: "UNAUTHENTICATED" })

  await apiSignIn(page, USERS.student)
  await page.goto(`/lives/${slug}`)
  await send(page, "Bonjour depuis le TD")
  await expect(messageOf(page, "Bonjour depuis le TD").getByTestId("chat-message-outcome")).toHaveText("Transmis à BBB")
  await expect.poll(() => bot.received).toEqual([`(${EMMA}) Bonjour depuis le TD`])
  await bot.leave()

  // A restricted live's page is the same for every member (lib/security/shared-cache.ts): once
  // reloaded, the header learns the account in the browser and the outcome comes with the stream.
  await page.reload()
  await expect(page.getByTestId("signed-in-user")).toContainText(EMMA)
  await expect(messageOf(page, "Bonjour depuis le TD").getByTestId("chat-message-outcome")).toHaveText("Transmis à BBB")
})

test("a live without chat shows no chat and its endpoint refuses messages", async ({ page, browser, baseURL }) => {
  const name = `Cours muet ${randomUUID().slice(0, 6)}`
  const meetingID = `e2e-${randomUUID()}`
  await simulator.createMeeting({ meetingID, name, attendees: [HELENE] })
  await startLive(browser, name, { enableChat: false })
  const slug = await liveSlugOfMeeting(meetingID)
  await apiSignIn(page, USERS.student)
  await page.goto(`/lives/${slug}`)
  await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible()
  await expect(page.getByTestId("live-chat")).toHaveCount(0)
  const refused = await page.context().request.post(`/api/lives/${slug}/chat`, { data: { body: "hello" }, headers: { origin: baseURL! } })
  expect(refused.status()).toBe(403)
  expect(await refused.json()).toEqual({ code: "CHAT_DISABLED" })
})

test("the chat reads well in French and English, on a desktop and a phone (no sideways scroll, axe)", async ({ browser, page }) => {
  test.slow() // a live started, then four browser contexts in turn
  const name = `Amphi accessible ${randomUUID().slice(0, 6)}`
  const meetingID = `e2e-${randomUUID()}`
  await simulator.createMeeting({ meetingID, name, attendees: [HELENE] })
  await startLive(browser, name, { enableChat: true })
  const slug = await liveSlugOfMeeting(meetingID)
  const target = await chatTargetOfMeeting(meetingID)
  const bot = await joinChatBot(target.port, target.channel)
  await apiSignIn(page, USERS.student)
  await page.goto(`/lives/${slug}`)
  await send(page, "Est-ce que la diapositive 12 sera disponible après le cours ?")
  await expect(page.getByTestId("chat-message-outcome")).toHaveText("Transmis à BBB")
  await send(page, "a".repeat(100)) // one unbroken word as long as a message may be
  await expect(page.getByTestId("chat-message-outcome")).toHaveCount(2)
  await bot.leave()

  const viewports = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } }
  for (const locale of ["fr", "en"] as const) {
    for (const [viewportName, viewport] of Object.entries(viewports)) {
      const context = await browser.newContext({ viewport, locale: locale === "fr" ? "fr-FR" : "en-GB" })
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: test.info().project.use.baseURL! }])
      const viewer = await context.newPage()
      await apiSignIn(viewer, USERS.student)
      await viewer.goto(`/lives/${slug}`)
      await expect(viewer.getByRole("heading", { level: 2, name: locale === "fr" ? "Discussion" : "Chat" })).toBeVisible()
      await expect(viewer.getByTestId("chat-message-outcome").first()).toHaveText(locale === "fr" ? "Transmis à BBB" : "Delivered to BBB")
      await expect(viewer.getByLabel(locale === "fr" ? "Votre message" : "Your message")).toBeVisible()
      const widths = await viewer.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }))
      expect(widths.scroll, `page is ${widths.scroll}px wide in a ${widths.inner}px window`).toBeLessThanOrEqual(widths.inner)
      const { violations } = await new AxeBuilder({ page: viewer }).include("[data-testid=live-chat]").analyze()
      const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)
      expect(serious, `${locale} ${viewportName}`).toEqual([])
      if (locale === "fr") await viewer.getByTestId("live-chat").screenshot({ path: `docs/screenshots/live-chat${viewportName === "mobile" ? "-mobile" : ""}.png` })
      await context.close()
    }
  }
})
