// The admins' lives, sessions and audit log (issue 10, admin-a): an admin filters and sorts the
// lives and exports the filtered rows as CSV, edits a live's options (a forged value shows its field
// error and changes nothing), stops a running live (the real ffmpeg streamer ends) and deletes it
// once ended; the audit log shows each change. Teachers, students and anonymous visitors are refused
// on every admin-a page, handler and server action, direct POSTs included.
import { randomUUID } from "node:crypto"
import { readFileSync } from "node:fs"

import { expect, test, type APIRequestContext, type Page } from "@playwright/test"
import { parse } from "csv-parse/sync"

import { countAuditEntries, DEMO_MEETING, demoLiveId, demoMeetingId, getLive, liveOfMeeting, processesWith } from "./fixtures/admin-a"
import { apiSignIn, USERS } from "./fixtures/auth"
import { E2E_ENV } from "./fixtures/env"
import { stopAllLives } from "./fixtures/db"
import { simulator } from "./fixtures/simulator"

/** The id Next gave a server action in this build (what a browser sends in the Next-Action header). */
function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(`${E2E_ENV.NEXT_DIST_DIR}/server/server-reference-manifest.json`, "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>
  }
  const entry = Object.entries(manifest.node).find(([, v]) => v.filename === filename && v.exportedName === exportedName)
  if (!entry) throw new Error(`no server action ${exportedName} in ${filename}: run next build`)
  return entry[0]
}

/**
 * Calls a `(previousState, formData)` server action the way React does, without its page: a
 * multipart POST with the Next-Action header, arguments encoded as React's encodeReply does
 * ("0" = [null, FormData #1], the form's fields as "_1_<name>"). The response is the RSC payload.
 */
async function postServerAction(request: APIRequestContext, options: { page: string; action: string; fields: Record<string, string> }) {
  const [file, name] = options.action.split("#") as [string, string]
  // The parts first, the root last, as the browser sends them (the server decodes as it reads).
  const multipart = new FormData()
  for (const [key, value] of Object.entries(options.fields)) multipart.append(`_1_${key}`, value)
  multipart.append("0", JSON.stringify([null, "$K1"]))
  const baseURL = test.info().project.use.baseURL!
  return request.post(options.page, { headers: { "next-action": serverActionId(file, name), origin: baseURL, accept: "text/x-component" }, multipart, maxRedirects: 0 })
}

const ACTIONS = {
  update: "app/admin/lives/actions.ts#updateLiveOptionsAction",
  stop: "app/admin/lives/actions.ts#stopLiveAction",
  delete: "app/admin/lives/actions.ts#deleteLiveAction",
} as const

function row(page: Page, liveId: number) {
  return page.getByTestId(`admin-live-${liveId}`)
}

test("an admin filters and sorts the lives, then exports exactly the filtered rows as CSV", async ({ page }) => {
  const failedId = await demoLiveId("FAILED")
  const stoppedId = await demoLiveId("STOPPED")
  await apiSignIn(page, USERS.admin)
  await page.goto("/admin/lives")
  await expect(page.getByRole("heading", { level: 1, name: "Directs" })).toBeVisible()
  await expect(page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Directs" })).toHaveAttribute("aria-current", "page")

  await page.getByRole("searchbox", { name: "Rechercher" }).fill("chimie organique")
  await page.getByLabel("Statut", { exact: true }).selectOption({ label: "Échec" })
  await page.getByRole("button", { name: "Filtrer" }).click()
  await expect(page).toHaveURL(/status=FAILED/)
  await expect(page.getByTestId(/^admin-live-\d+$/)).toHaveCount(1)
  await expect(row(page, failedId)).toContainText(DEMO_MEETING.name)
  await expect(row(page, failedId)).toContainText("le flux vidéo s'est interrompu")
  await expect(page.getByTestId("list-total")).toHaveText("Ligne 1 sur 1")

  // Without the status filter both demo lives show; the header sorts by number, then the other way.
  await page.getByLabel("Statut", { exact: true }).selectOption({ label: "Tous" })
  await page.getByRole("button", { name: "Filtrer" }).click()
  await page.getByTestId("sort-id").click()
  await expect(page).toHaveURL(/sort=id&dir=desc/)
  await expect(page.getByRole("columnheader", { name: /N°/ })).toHaveAttribute("aria-sort", "descending")
  await expect(page.getByTestId(/^admin-live-\d+$/)).toHaveCount(2)
  await expect(page.getByTestId(/^admin-live-\d+$/).first()).toHaveAttribute("data-testid", `admin-live-${Math.max(failedId, stoppedId)}`)
  await page.getByTestId("sort-id").click()
  await expect(page).toHaveURL(/sort=id&dir=asc/)
  await expect(page.getByTestId(/^admin-live-\d+$/).first()).toHaveAttribute("data-testid", `admin-live-${Math.min(failedId, stoppedId)}`)

  // The CSV holds the same filtered rows (here: the failed one), every column, formulas neutralised.
  await page.getByLabel("Statut", { exact: true }).selectOption({ label: "Échec" })
  await page.getByRole("button", { name: "Filtrer" }).click()
  await expect(page.getByTestId(/^admin-live-\d+$/)).toHaveCount(1)
  const download = page.waitForEvent("download")
  await page.getByTestId("export-csv").click()
  const file = await (await download).path()
  const csv = readFileSync(file, "utf8")
  expect(csv.startsWith("\uFEFF")).toBe(true)
  const [header, ...lines] = parse(csv.slice(1), { delimiter: ";" }) as string[][]
  expect(header).toEqual(expect.arrayContaining(["N°", "Session", "Début", "Fin", "Chat BBB dans la vidéo", "Enregistré", "Messages depuis la page", "Serveur", "Statut", "Utilisateur", "Diffuseur", "Cause de l'échec"]))
  expect(lines).toHaveLength(1)
  const cell = (name: string) => lines[0]![header!.indexOf(name)]
  expect(cell("N°")).toBe(String(failedId))
  expect(cell("Session")).toBe(DEMO_MEETING.name)
  expect(cell("Statut")).toBe("Échec")
  expect(cell("Cause de l'échec")).toBe("STREAM_STALLED")
  expect(cell("Utilisateur")).toBe("Hélène Lefèvre")
  expect(cell("Serveur")).toBe("1/1")
})

test("an admin edits a live's options; a forged value shows its field error and changes nothing", async ({ page }) => {
  const liveId = await demoLiveId("STOPPED")
  const before = (await getLive(liveId))!
  await apiSignIn(page, USERS.admin)
  await page.goto(`/admin/lives/${liveId}`)
  await expect(page.getByRole("heading", { level: 1, name: `Direct n° ${liveId}` })).toBeVisible()

  // A forged value (what a tampered form sends): refused under its field, nothing saved.
  const entriesBefore = await countAuditEntries("live", liveId)
  // Checked, whatever the live's value, so that the browser sends the forged value.
  await page.getByLabel("Messages depuis la page").evaluate((el) => el.setAttribute("value", "maybe"))
  await page.getByLabel("Messages depuis la page").setChecked(true)
  await page.getByRole("button", { name: "Enregistrer" }).click()
  await expect(page.getByTestId("error-enableChat")).toHaveText("Valeur invalide\u00a0: cochez ou décochez la case.")
  await expect(page.getByLabel("Messages depuis la page")).toHaveAttribute("aria-invalid", "true")
  await expect(page.getByTestId("live-options-message")).toHaveText("Certaines valeurs sont invalides.")
  expect(await getLive(liveId)).toEqual(before)
  expect(await countAuditEntries("live", liveId)).toBe(entriesBefore)

  // A real edit: saved, shown after a reload, and logged with its before/after.
  await page.reload()
  await page.getByLabel("Messages depuis la page").setChecked(!before.enable_chat)
  await page.getByLabel("Réservé aux connectés").setChecked(!before.is_restricted)
  await page.getByRole("button", { name: "Enregistrer" }).click()
  await expect(page.getByTestId("live-options-message")).toHaveText("Modifications enregistrées.")
  expect(await getLive(liveId)).toEqual({ ...before, enable_chat: !before.enable_chat, is_restricted: !before.is_restricted })
  await page.reload()
  await expect(page.getByLabel("Messages depuis la page")).toBeChecked({ checked: !before.enable_chat })
  expect(await countAuditEntries("live", liveId, "live.update")).toBeGreaterThanOrEqual(1)

  await page.goto(`/admin/audit?q=${liveId}&entityType=live`)
  // A sentence with names, the change in words (issue 30).
  const entry = page.getByTestId(/^audit-\d+$/).filter({ hasText: "Alice Admin a modifié les options du direct de «\u00a0" }).first()
  const yesNo = (value: boolean) => (value ? "oui" : "non")
  await expect(entry).toContainText(`Chat des spectateurs ${yesNo(before.enable_chat)} → devient ${yesNo(!before.enable_chat)}`)

  // Put the demo live back as it was for the other stories.
  await page.goto(`/admin/lives/${liveId}`)
  await page.getByLabel("Messages depuis la page").setChecked(before.enable_chat)
  await page.getByLabel("Réservé aux connectés").setChecked(before.is_restricted)
  await page.getByRole("button", { name: "Enregistrer" }).click()
  await expect(page.getByTestId("live-options-message")).toHaveText("Modifications enregistrées.")
})

test("an admin stops a running live: the streamer process ends and the end is recorded; then deletes it", async ({ page, browser }) => {
  await stopAllLives()
  const name = `Amphi arrêt admin ${randomUUID().slice(0, 6)}`
  const meetingID = `e2e-admin-${randomUUID()}`
  await simulator.createMeeting({ meetingID, name, attendees: [{ fullName: "Hélène Lefèvre", role: "MODERATOR" }] })

  // The teacher starts a live from her page.
  const teacherContext = await browser.newContext({ baseURL: test.info().project.use.baseURL })
  const teacher = await teacherContext.newPage()
  await apiSignIn(teacher, USERS.teacher)
  await teacher.goto("/meetings")
  const card = teacher.getByRole("article").filter({ has: teacher.getByRole("heading", { name }) })
  await card.getByRole("link", { name: "Réaliser un direct" }).click({ timeout: 20_000 })
  await teacher.getByRole("button", { name: "Lancer le direct" }).click()
  await expect(card.getByTestId("live-status")).toHaveText("En direct", { timeout: 30_000 })
  await teacherContext.close()

  const live = await liveOfMeeting(meetingID)
  expect(live.status).toBe("RUNNING")
  expect(await processesWith(live.stream_key!)).not.toHaveLength(0)

  await apiSignIn(page, USERS.admin)
  await page.goto(`/admin/lives?q=${encodeURIComponent(name)}`)
  await row(page, live.id).getByRole("link", { name: `Ouvrir le direct n° ${live.id}` }).click()
  await expect(page.getByTestId("admin-live-status")).toHaveText("En direct")

  // Deleting an active live is refused, with the reason.
  await page.getByTestId("delete-live").getByRole("button", { name: "Supprimer", exact: true }).click()
  await page.getByTestId("delete-live").getByRole("button", { name: "Oui, supprimer" }).click()
  await expect(page.getByTestId("delete-live").getByRole("status")).toHaveText("Ce direct est encore actif\u00a0: arrêtez-le d'abord, il pourra être supprimé une fois terminé.")
  expect((await getLive(live.id))?.status).toBe("RUNNING")

  await page.getByRole("button", { name: "Arrêter ce direct" }).click()
  await page.getByRole("button", { name: "Oui, arrêter" }).click()
  await expect(page.getByTestId("admin-live-status")).toHaveText("Terminé", { timeout: 30_000 })
  await expect(page.getByTestId("admin-live-facts")).toContainText("arrêté par un administrateur")
  const ended = (await getLive(live.id))!
  expect(ended).toMatchObject({ status: "STOPPED", stop_reason: "STOPPED_BY_ADMIN" })
  expect(ended.ended_at).not.toBeNull()
  await expect.poll(() => processesWith(live.stream_key!), { timeout: 20_000 }).toEqual([])
  expect(await countAuditEntries("live", live.id, "live.stop")).toBe(1)

  // Ended, it can be deleted: back to the list with a notice, and the deletion is logged.
  await page.getByTestId("delete-live").getByRole("button", { name: "Supprimer", exact: true }).click()
  await page.getByTestId("delete-live").getByRole("button", { name: "Oui, supprimer" }).click()
  await expect(page).toHaveURL(/\/admin\/lives$/)
  await expect(page.getByTestId("flash")).toHaveText(`Le direct n° ${live.id} est supprimé.`)
  expect(await getLive(live.id)).toBeNull()
  expect(await countAuditEntries("live", live.id, "live.delete")).toBe(1)
  await simulator.endMeeting(meetingID)
})

test("an admin filters the sessions, opens one with its lives and attendees, and exports sessions and audit log as CSV", async ({ page }) => {
  // A session whose name a spreadsheet would run as a formula: the CSV neutralises it.
  const formula = `=HYPERLINK("http://example.test/${randomUUID().slice(0, 6)}")`
  const meetingID = `e2e-admin-${randomUUID()}`
  await simulator.createMeeting({ meetingID, name: formula, attendees: [{ fullName: "Jean Martin", role: "MODERATOR" }] })
  await apiSignIn(page, USERS.admin)

  await page.goto("/admin/meetings")
  await page.getByRole("searchbox", { name: "Rechercher" }).fill("chimie organique")
  await page.getByLabel("État").selectOption({ label: "Terminée" })
  await page.getByRole("button", { name: "Filtrer" }).click()
  await expect(page).toHaveURL(/state=ended/)
  await expect(page.getByTestId(/^admin-meeting-\d+$/)).toHaveCount(1)
  await page.getByRole("link", { name: DEMO_MEETING.name }).click()
  await expect(page.getByRole("heading", { level: 1, name: `Session n° ${await demoMeetingId()}` })).toBeVisible()
  await expect(page.getByTestId(/^meeting-live-\d+$/)).toHaveCount(2)
  await expect(page.getByTestId(/^meeting-attendee-\d+$/)).toHaveCount(3)
  await expect(page.getByTestId(/^meeting-attendee-\d+$/).first()).toContainText("Hélène Lefèvre (hlefevre)")

  const request = page.context().request
  const rows = async (path: string) => {
    const response = await request.get(path)
    expect(response.status(), path).toBe(200)
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8")
    return parse((await response.text()).slice(1), { delimiter: ";" }) as string[][]
  }
  const [header, ...demo] = await rows(`/admin/meetings/export?q=${encodeURIComponent("chimie organique")}&state=ended`)
  expect(demo).toHaveLength(1)
  expect(demo[0]![header!.indexOf("Nom")]).toBe(DEMO_MEETING.name)
  expect(demo[0]![header!.indexOf("Enregistrée")]).toBe("true")
  await expect.poll(async () => (await rows(`/admin/meetings/export?q=${encodeURIComponent(meetingID)}`)).length, { timeout: 15_000 }).toBe(2)
  const [, synced] = await rows(`/admin/meetings/export?q=${encodeURIComponent(meetingID)}`)
  expect(synced![header!.indexOf("Nom")]).toBe(`'${formula}`)

  // One audit entry of this test's own (an option switched on, then back), whatever ran before.
  const liveId = await demoLiveId("FAILED")
  const live = (await getLive(liveId))!
  await postServerAction(request, { page: `/admin/lives/${liveId}`, action: ACTIONS.update, fields: optionFields(liveId, { ...live, is_restricted: !live.is_restricted }) })
  await postServerAction(request, { page: `/admin/lives/${liveId}`, action: ACTIONS.update, fields: optionFields(liveId, live) })
  const [auditHeader, ...entries] = await rows("/admin/audit/export?entityType=live")
  expect(auditHeader).toEqual(["Date", "Administrateur", "N° de l'administrateur", "Action", "Type d'élément", "N° de l'élément", "Nom de l'élément", "Avant", "Après"])
  expect(entries.every((e) => e[4] === "live")).toBe(true)
  const mine = entries.filter((e) => e[5] === String(liveId) && e[3] === "live.update").slice(0, 2)
  expect(mine.map((e) => [e[1], JSON.parse(e[7]!), JSON.parse(e[8]!)])).toEqual([
    ["Alice Admin", { isRestricted: !live.is_restricted }, { isRestricted: live.is_restricted }],
    ["Alice Admin", { isRestricted: live.is_restricted }, { isRestricted: !live.is_restricted }],
  ])
  await simulator.endMeeting(meetingID)
})

/** The form fields that set a live's options to these values (a checkbox is sent only when ticked). */
function optionFields(liveId: number, values: { show_chat: boolean; enable_chat: boolean; is_restricted: boolean; download_meeting: boolean; show_room_chat: boolean }): Record<string, string> {
  const fields: Record<string, string> = { liveId: String(liveId) }
  if (values.show_chat) fields.showChat = "on"
  if (values.enable_chat) fields.enableChat = "on"
  if (values.is_restricted) fields.isRestricted = "on"
  if (values.download_meeting) fields.downloadMeeting = "on"
  if (values.show_room_chat) fields.showRoomChat = "on"
  return fields
}

test("a direct POST of an admin action works for an admin (the call is well formed)", async ({ page }) => {
  const liveId = await demoLiveId("STOPPED")
  const before = (await getLive(liveId))!
  await apiSignIn(page, USERS.admin)
  const request = page.context().request
  const response = await postServerAction(request, { page: `/admin/lives/${liveId}`, action: ACTIONS.update, fields: optionFields(liveId, { ...before, show_chat: !before.show_chat }) })
  expect(response.status()).toBe(200)
  expect(await response.text()).toContain('"ok":true')
  expect((await getLive(liveId))?.show_chat).toBe(!before.show_chat)
  await postServerAction(request, { page: `/admin/lives/${liveId}`, action: ACTIONS.update, fields: optionFields(liveId, before) })
  expect(await getLive(liveId)).toEqual(before)
})

for (const role of ["teacher", "student", "anonymous"] as const) {
  test(`${role}: every admin-a page, handler and action is refused`, async ({ page }) => {
    const liveId = await demoLiveId("STOPPED")
    const meetingId = await demoMeetingId()
    if (role !== "anonymous") await apiSignIn(page, USERS[role])
    for (const path of ["/admin", "/admin/lives", `/admin/lives/${liveId}`, "/admin/meetings", `/admin/meetings/${meetingId}`, "/admin/audit"]) {
      const response = await page.goto(path)
      if (role === "anonymous") {
        await expect(page, path).toHaveURL(/\/login\?callbackUrl=/)
      } else {
        expect(response?.status(), path).toBe(403)
        await expect(page.getByRole("navigation", { name: "Administration" })).toHaveCount(0)
      }
    }
    const request = page.context().request
    for (const path of ["/admin/lives/export", "/admin/meetings/export", "/admin/audit/export"]) {
      const response = await request.get(path, { maxRedirects: 0 })
      // Anonymous: proxy.ts sends the visitor to sign in before the handler's own check (401) is reached.
      if (role === "anonymous") expect(response.headers()["location"], path).toMatch(/\/login\?callbackUrl=/)
      else expect(response.status(), path).toBe(403)
      expect(await response.text()).not.toContain(DEMO_MEETING.name)
      // The handlers take no writes at all (anonymous: sent to sign-in first).
      const post = await request.post(path, { headers: { origin: test.info().project.use.baseURL! }, maxRedirects: 0 })
      expect(post.status(), `POST ${path}`).toBe(role === "anonymous" ? 307 : 405)
    }
    const before = (await getLive(liveId))!
    const audit = await countAuditEntries("live", liveId)
    for (const action of Object.values(ACTIONS)) {
      const response = await postServerAction(request, { page: `/admin/lives/${liveId}`, action, fields: optionFields(liveId, { ...before, show_chat: !before.show_chat }) })
      const body = await response.text()
      // Anonymous: proxy.ts already sends the POST to sign-in; signed in: the action's own check refuses.
      if (role === "anonymous") expect(response.headers()["location"], action).toMatch(/\/login\?callbackUrl=/)
      else expect(body, action).toContain('"code":"FORBIDDEN"')
      expect(body).not.toContain('"ok":true')
    }
    expect(await getLive(liveId)).toEqual(before)
    expect(await countAuditEntries("live", liveId)).toBe(audit)
  })
}
