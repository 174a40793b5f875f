// A chat a teacher can run (issue 24): the live's moderator hides a message and every viewer loses it
// within a second, mutes a student (refused, direct POSTs too), sets slow mode; questions are upvoted and
// sorted by votes for everyone. The room's chat comes to the page once (bbb-webhooks' chat event from the
// simulator), our own relayed line is not echoed back, and the on-air notice is in the room's chat at
// start and stop.
// One live serves the whole story (a streamer start is the expensive part): started before the first
// test, stopped by the last; the teacher, the student and an anonymous viewer keep their page open
// throughout. Their videos are refused (the player stops asking): no browser decodes the stream, the
// chat is what is watched here. Closing and reopening the chat: lib/chat/moderate-live-chat.integration.test.ts.
import { randomUUID } from "node:crypto"

import { expect, test, type Browser, type Page } from "@playwright/test"

import { apiSignIn, USERS } from "./fixtures/auth"
import { joinChatBot, slotRedisPort, startSlotRedis, type ChatBot, type SlotRedis } from "./fixtures/chat-bot"
import { chatTargetOfMeeting, liveSlugOfMeeting, resetChatRateLimits, stopAllLives } from "./fixtures/db"
import { E2E_ENV } from "./fixtures/env"
import { startLiveAsTeacher } from "./fixtures/lives"
import { ensureWebhookRegistered, simulator } from "./fixtures/simulator"

test.describe.configure({ mode: "serial" })

const HELENE = { fullName: "Hélène Lefèvre", role: "MODERATOR" as const }
const EMMA = "Emma Étudiante"

const name = `Amphi modéré ${randomUUID().slice(0, 6)}`
const meetingID = `e2e-${randomUUID()}`
let slotRedises: SlotRedis[] = []
let slug: string
let bot: ChatBot
let teacher: Page
let student: Page
let anonymous: Page

/** A viewer's page on the live, its event stream open (its first viewer count arrived: nothing pushed from now on is missed). */
async function viewer(browser: Browser, user?: { username: string; password: string }): Promise<Page> {
  const context = await browser.newContext()
  await context.route(/\/hls\/.*\.(ts|m4s|m3u8)(\?.*)?$/, (route) => route.fulfill({ status: 403, body: "Forbidden" }))
  const page = await context.newPage()
  if (user) await apiSignIn(page, user)
  await page.goto(`/lives/${slug}`)
  await expect(page.getByRole("heading", { level: 2, name: "Discussion" })).toBeVisible()
  await expect(page.getByTestId("viewer-count")).toContainText("spectateur")
  return page
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000) // a live started
  slotRedises = await Promise.all([1, 2].map((n) => startSlotRedis(slotRedisPort(n))))
  await simulator.reset()
  await stopAllLives()
  await ensureWebhookRegistered()
  await simulator.createMeeting({ meetingID, name, attendees: [HELENE] })
  await startLiveAsTeacher(browser, name, { enableChat: true })
  slug = await liveSlugOfMeeting(meetingID)
  const target = await chatTargetOfMeeting(meetingID)
  // The streamer's chat bot, typing what it gets into the room as the real one does (so every page
  // message comes back through the room's chat event: the echo the page must not show).
  bot = await joinChatBot(target.port, target.channel, { typeInto: meetingID })
  ;[teacher, student, anonymous] = await Promise.all([viewer(browser, USERS.teacher), viewer(browser, USERS.student), viewer(browser)])
})

test.afterAll(async () => {
  await bot?.leave()
  await Promise.all([teacher, student, anonymous].map((page) => page?.context().close()))
  await Promise.all(slotRedises.map((r) => r.stop()))
})

test.beforeEach(async () => {
  await resetChatRateLimits()
})

async function send(page: Page, text: string, options: { question?: boolean } = {}): Promise<void> {
  await page.getByLabel("Votre message").fill(text)
  if (options.question) await page.getByLabel("Envoyer comme question").check()
  await page.getByRole("button", { name: "Envoyer" }).click()
}

const messageOf = (page: Page, text: string) => page.getByTestId("chat-message").filter({ has: page.getByTestId("chat-message-body").getByText(text, { exact: true }) })

test("a moderator hides a message (gone for two viewers within 1 s) and mutes a student (refused, direct POSTs too)", async ({ baseURL }) => {
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
  await expect(teacher.getByRole("button", { name: "Fermer la discussion" })).toBeVisible()
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
  // Allowed again: the refused text, still in the box, now goes through.
  await student.getByRole("button", { name: "Envoyer" }).click()
  await expect(messageOf(anonymous, "et encore")).toBeVisible()

  expect(bot.received).not.toContain(`(${EMMA}) en douce`)
  await expect.poll(() => bot.received).toContain(`(${EMMA}) et encore`)
})

test("slow mode is enforced; questions are upvoted once and sorted by votes for everyone", async () => {
  // Slow mode (5 s, the shortest choice): every page says so; a second message within the window is
  // refused and keeps its text; once the window has passed it goes through.
  await teacher.getByLabel("Mode lent").selectOption("5")
  await expect(student.getByTestId("chat-state")).toHaveText("Mode lent\u00a0: un message toutes les 5 secondes par personne.")
  await expect(anonymous.getByTestId("chat-state")).toBeVisible()
  await send(student, "Quelle est la date de l'examen ?", { question: true })
  await expect(messageOf(student, "Quelle est la date de l'examen ?")).toBeVisible()
  await send(student, "Et le chapitre 3 ?")
  await expect(student.getByText("Mode lent\u00a0: patientez avant d'envoyer un autre message.")).toBeVisible()
  await expect(student.getByLabel("Votre message")).toHaveValue("Et le chapitre 3 ?")
  const box = student.getByLabel("Votre message")
  await expect(async () => {
    if ((await box.inputValue()) !== "") await student.getByRole("button", { name: "Envoyer" }).click()
    await expect(box).toHaveValue("", { timeout: 1_000 })
  }).toPass({ timeout: 15_000, intervals: [1_000] })
  await expect(messageOf(anonymous, "Et le chapitre 3 ?")).toBeVisible()
  await teacher.getByLabel("Mode lent").selectOption("0")
  await expect(student.getByTestId("chat-state")).toHaveCount(0)

  // Questions: the later one gets two votes (once per viewer) and comes first in everyone's « Questions » view.
  await send(teacher, "Le cours sera-t-il enregistré ?", { question: true })
  await expect(messageOf(anonymous, "Le cours sera-t-il enregistré ?")).toBeVisible()
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
  for (const page of [student, teacher, anonymous]) await page.getByRole("button", { name: "Tous les messages" }).click()
})

test("the room's chat appears on the page once, a page message is not echoed back; the on-air notice is in the room at start and stop", async () => {
  const roomChat = async () => (await simulator.listRoomChat(meetingID)).map((m) => `${m.userName}: ${m.message}`)
  const address = new URL(`/lives/${slug}`, E2E_ENV.APP_URL).toString()
  // The notice was posted when the live went on air (retried until the streamer's bot listened).
  await expect.poll(roomChat, { timeout: 20_000 }).toContain(`Chat: Cette session est diffusée en direct\u00a0: ${address}`)

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
  // Neither the earlier page messages' echoes nor the notice itself are shown on the page.
  await expect(student.getByTestId("chat-message-room")).toHaveCount(2)
  await expect(student.getByText(/Cette session est diffusée en direct/)).toHaveCount(0)

  // The teacher stops the live: the off-air notice is posted before the streamer goes.
  const home = await teacher.context().newPage()
  await home.goto("/meetings")
  const card = home.getByRole("article").filter({ has: home.getByRole("heading", { name }) })
  await card.getByRole("button", { name: "Arrêter le direct" }).click()
  await card.getByTestId("stop-live").getByRole("button", { name: "Oui, arrêter" }).click()
  await expect(card.getByTestId("live-status")).toHaveText("Terminé", { timeout: 20_000 })
  await expect.poll(roomChat).toContain("Chat: La diffusion en direct est terminée.")
})
