// A chat a teacher can run (issue 24): the live's moderator hides a message and every viewer loses it
// within a second, mutes a student (refused, direct POSTs too), sets slow mode; questions are upvoted and
// sorted by votes for everyone. The room's chat comes to the page once (bbb-webhooks' chat event from the
// simulator), our own relayed line is not echoed back, and the on-air notice is in the room's chat at
// start and stop.
import { randomUUID } from "node:crypto"

import { expect, test, type Browser, type Page } from "@playwright/test"

import { apiSignIn, USERS } from "./fixtures/auth"
import { joinChatBot, slotRedisPort, startSlotRedis, type SlotRedis } from "./fixtures/chat-bot"
import { chatTargetOfMeeting, liveSlugOfMeeting, resetChatRateLimits, stopAllLives } from "./fixtures/db"
import { E2E_ENV } from "./fixtures/env"
import { ensureWebhookRegistered, simulator } from "./fixtures/simulator"

const HELENE = { fullName: "Hélène Lefèvre", role: "MODERATOR" as const }
const EMMA = "Emma Étudiante"

let slotRedises: SlotRedis[] = []

test.beforeAll(async () => {
  slotRedises = await Promise.all([1, 2].map((n) => startSlotRedis(slotRedisPort(n))))
})

test.afterAll(async () => {
  await Promise.all(slotRedises.map((r) => r.stop()))
})

test.beforeEach(async () => {
  await simulator.reset()
  await stopAllLives()
  await resetChatRateLimits()
})

/** The teacher (Hélène, the session's moderator) starts a live with chat; her page stays open on /meetings. */
async function startLive(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await apiSignIn(page, USERS.teacher)
  await page.goto("/meetings")
  const card = page.getByRole("article").filter({ has: page.getByRole("heading", { name }) })
  await card.getByRole("link", { name: "Réaliser un direct" }).click()
  await page.getByLabel("Permettre aux spectateurs d'écrire depuis la page du direct").check()
  await page.getByRole("button", { name: "Lancer le direct" }).click()
  await expect(card.getByTestId("live-status")).toHaveText("En direct", { timeout: 30_000 })
  return page
}

async function viewer(browser: Browser, slug: string, user?: { username: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  if (user) await apiSignIn(page, user)
  await page.goto(`/lives/${slug}`)
  await expect(page.getByRole("heading", { level: 2, name: "Discussion" })).toBeVisible()
  // The live's event stream is open (its first viewer count arrived): nothing pushed from now on is missed.
  await expect(page.getByTestId("viewer-count")).toContainText("spectateur")
  return page
}

async function send(page: Page, text: string, options: { question?: boolean } = {}): Promise<void> {
  await page.getByLabel("Votre message").fill(text)
  if (options.question) await page.getByLabel("Envoyer comme question").check()
  await page.getByRole("button", { name: "Envoyer" }).click()
}

const messageOf = (page: Page, text: string) => page.getByTestId("chat-message").filter({ has: page.getByTestId("chat-message-body").getByText(text, { exact: true }) })

test("a moderator hides a message (gone for two viewers within 1 s) and mutes a student (refused, direct POSTs too)", async ({ browser, baseURL }) => {
  test.slow()
  const name = `Amphi modéré ${randomUUID().slice(0, 6)}`
  const meetingID = `e2e-${randomUUID()}`
  await simulator.createMeeting({ meetingID, name, attendees: [HELENE] })
  await (await startLive(browser, name)).context().close()
  const slug = await liveSlugOfMeeting(meetingID)
  const target = await chatTargetOfMeeting(meetingID)
  const bot = await joinChatBot(target.port, target.channel)

  const teacher = await viewer(browser, slug, USERS.teacher)
  const student = await viewer(browser, slug, USERS.student)
  const anonymous = await viewer(browser, slug)
  // Only the live's moderator has the moderation controls.
  await expect(teacher.getByTestId("chat-moderation")).toBeVisible()
  await expect(student.getByTestId("chat-moderation")).toHaveCount(0)
  await expect(student.getByRole("button", { name: "Masquer" })).toHaveCount(0)

  // Hide: the message disappears for both viewers within a second; the moderator still sees it as hidden.
  await send(student, "message grossier")
  await expect(messageOf(anonymous, "message grossier")).toBeVisible()
  await expect(messageOf(teacher, "message grossier")).toBeVisible()
  // A student's direct moderation call is refused and changes nothing.
  const forbidden = await student.context().request.post(`/api/lives/${slug}/chat/moderation`, { data: { action: "close" }, headers: { origin: baseURL! } })
  expect(forbidden.status()).toBe(403)
  const answered = teacher.waitForResponse((r) => r.url().endsWith("/chat/moderation") && r.request().method() === "POST")
  await messageOf(teacher, "message grossier").getByRole("button", { name: "Masquer" }).click()
  await answered
  // Both viewers, watched at the same time from the moderator's answer: gone within a second.
  await Promise.all([anonymous, student].map((page) => expect(messageOf(page, "message grossier")).toHaveCount(0, { timeout: 1_000 })))
  await expect(teacher.getByTestId("chat-hidden-messages")).toContainText("1 message masqué")
  await expect(teacher.getByText("Un message masqué disparaît de la page pour tous, mais s'il a déjà été transmis à BBB, il reste dans la discussion de la salle.")).toBeVisible()

  // Mute: the student is refused (the page says why; a direct POST too), then allowed again.
  await send(student, "je recommence")
  await messageOf(teacher, "je recommence").getByRole("button", { name: "Rendre muet" }).click()
  await expect(messageOf(teacher, "je recommence").getByRole("button", { name: "Rétablir la parole" })).toBeVisible()
  await send(student, "et encore")
  await expect(student.getByText("Un modérateur vous a rendu muet dans ce direct\u00a0: vos messages ne sont plus acceptés.")).toBeVisible()
  const direct = await student.context().request.post(`/api/lives/${slug}/chat`, { data: { body: "en douce" }, headers: { origin: baseURL! } })
  expect(direct.status()).toBe(403)
  expect(await direct.json()).toEqual({ code: "CHAT_MUTED" })
  await messageOf(teacher, "je recommence").getByRole("button", { name: "Rétablir la parole" }).click()
  await expect(messageOf(teacher, "je recommence").getByRole("button", { name: "Rendre muet" })).toBeVisible()

  expect(bot.received).not.toContain(`(${EMMA}) et encore`)
  await bot.leave()
})

test("slow mode is enforced; questions are upvoted once and sorted by votes for everyone", async ({ browser }) => {
  test.slow()
  const name = `Amphi questions ${randomUUID().slice(0, 6)}`
  const meetingID = `e2e-${randomUUID()}`
  await simulator.createMeeting({ meetingID, name, attendees: [HELENE] })
  await (await startLive(browser, name)).context().close()
  const slug = await liveSlugOfMeeting(meetingID)
  const teacher = await viewer(browser, slug, USERS.teacher)
  const student = await viewer(browser, slug, USERS.student)
  const anonymous = await viewer(browser, slug)

  // Slow mode: every page says so; a second message within the window is refused.
  await teacher.getByLabel("Mode lent").selectOption("60")
  await expect(student.getByTestId("chat-state")).toHaveText("Mode lent\u00a0: un message toutes les 60 secondes par personne.")
  await expect(anonymous.getByTestId("chat-state")).toBeVisible()

  // Questions: two asked (one before slow mode bites: the student's first message in the window).
  await send(student, "Quelle est la date de l'examen ?", { question: true })
  await expect(messageOf(student, "Quelle est la date de l'examen ?")).toBeVisible()
  await send(student, "Et le chapitre 3 ?")
  await expect(student.getByText("Mode lent\u00a0: patientez avant d'envoyer un autre message.")).toBeVisible()
  await expect(student.getByLabel("Votre message")).toHaveValue("Et le chapitre 3 ?")
  await teacher.getByLabel("Mode lent").selectOption("0")
  await expect(student.getByTestId("chat-state")).toHaveCount(0)
  await send(teacher, "Le cours sera-t-il enregistré ?", { question: true })
  await expect(messageOf(anonymous, "Le cours sera-t-il enregistré ?")).toBeVisible()
  // The later question gets two votes (once per viewer): first in the « Questions » view of everyone.
  for (const page of [student, teacher]) {
    await messageOf(page, "Le cours sera-t-il enregistré ?").getByTestId("chat-question-vote").click()
  }
  await expect(messageOf(student, "Le cours sera-t-il enregistré ?").getByTestId("chat-question-vote")).toBeDisabled()
  for (const page of [student, teacher, anonymous]) {
    await page.getByRole("button", { name: "Questions" }).click()
    await expect(page.getByTestId("chat-message-body")).toHaveText(["Le cours sera-t-il enregistré ?", "Quelle est la date de l'examen ?"])
    await expect(messageOf(page, "Le cours sera-t-il enregistré ?").getByTestId("chat-message-question")).toHaveText("Question · 2 votes")
  }
  await messageOf(teacher, "Le cours sera-t-il enregistré ?").getByRole("button", { name: "Marquer comme répondue" }).click()
  await expect(messageOf(anonymous, "Le cours sera-t-il enregistré ?").getByTestId("chat-message-question")).toHaveText("Question répondue")

  // (closing and reopening the chat: lib/chat/moderate-live-chat.integration.test.ts)
})

test("the room's chat appears on the page once, a page message is not echoed back; the on-air notice is in the room at start and stop", async ({ browser }) => {
  test.slow() // a live started and stopped
  const name = `Salle bavarde ${randomUUID().slice(0, 6)}`
  const meetingID = `e2e-${randomUUID()}`
  await simulator.createMeeting({ meetingID, name, attendees: [HELENE] })
  const teacherHome = await startLive(browser, name)
  const slug = await liveSlugOfMeeting(meetingID)
  const target = await chatTargetOfMeeting(meetingID)
  // The streamer's bot joins the room some seconds after the stream starts: the notice waits for it.
  const bot = await joinChatBot(target.port, target.channel, { typeInto: meetingID })
  const roomChat = async () => (await simulator.listRoomChat(meetingID)).map((m) => `${m.userName}: ${m.message}`)
  const address = new URL(`/lives/${slug}`, E2E_ENV.APP_URL).toString()
  await expect.poll(roomChat, { timeout: 20_000 }).toContain(`Chat: Cette session est diffusée en direct\u00a0: ${address}`)

  const student = await viewer(browser, slug, USERS.student)
  await ensureWebhookRegistered()
  // Someone writes in the room: the page shows it once, marked as from the room, as text.
  await simulator.postRoomChat(meetingID, { userName: "Hélène Lefèvre", message: "Bonjour <i>la salle</i>" })
  await expect(messageOf(student, "Bonjour <i>la salle</i>")).toHaveCount(1)
  await expect(messageOf(student, "Bonjour <i>la salle</i>").getByTestId("chat-message-room")).toHaveText("Dans la salle BBB")
  await expect(messageOf(student, "Bonjour <i>la salle</i>")).toContainText("Hélène Lefèvre")
  // A page message goes into the room through the bot, and its echo is not shown again.
  await send(student, "Bonjour depuis la page")
  await expect.poll(roomChat).toContain(`Chat: (${EMMA}) Bonjour depuis la page`)
  await simulator.postRoomChat(meetingID, { userName: "Hélène Lefèvre", message: "Bien reçu" })
  await expect(messageOf(student, "Bien reçu")).toHaveCount(1) // later than the echo would be
  await expect(messageOf(student, "Bonjour depuis la page")).toHaveCount(1)
  await expect(messageOf(student, `(${EMMA}) Bonjour depuis la page`)).toHaveCount(0)
  // The notice itself is not shown on the page either.
  await expect(student.getByText(/Cette session est diffusée en direct/)).toHaveCount(0)

  // The teacher stops the live: the off-air notice is posted before the streamer goes.
  const card = teacherHome.getByRole("article").filter({ has: teacherHome.getByRole("heading", { name }) })
  await card.getByRole("button", { name: "Arrêter le direct" }).click()
  await card.getByTestId("stop-live").getByRole("button", { name: "Oui, arrêter" }).click()
  await expect(card.getByTestId("live-status")).toHaveText("Terminé", { timeout: 20_000 })
  await expect.poll(roomChat).toContain("Chat: La diffusion en direct est terminée.")
  await bot.leave()
})
