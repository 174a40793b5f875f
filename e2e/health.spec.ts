import { createHash } from "node:crypto"

import { expect, test, type APIRequestContext } from "@playwright/test"

import { apiSignIn, USERS } from "./fixtures/auth"
import { E2E_ENV } from "./fixtures/env"

test.describe("service health", () => {
  test("liveness, readiness and the full report answer as a load balancer expects", async ({ request }) => {
    const live = await request.get("/api/health/live")
    expect(live.status()).toBe(200)
    expect(await live.json()).toEqual({ status: "alive" })
    // Anyone: booleans only (no hosts, ports, queue sizes nor BBB's error text).
    const ready = await request.get("/api/health/ready")
    expect(ready.status()).toBe(200)
    expect(await ready.json()).toEqual({ ready: true })
    const up = await request.get("/api/health")
    expect(up.status()).toBe(200)
    expect(await up.json()).toEqual({ up: true })
    // The detail goes to the holder of the metrics token.
    const auth = { authorization: `Bearer ${E2E_ENV.METRICS_TOKEN}` }
    const readyDetail = await request.get("/api/health/ready", { headers: auth })
    expect(await readyDetail.json()).toMatchObject({ ready: true, postgresql: { ok: true }, redis: { ok: true } })
    const full = await request.get("/api/health", { headers: auth })
    expect(full.status()).toBe(200)
    expect(await full.json()).toMatchObject({ ready: true, postgresql: { ok: true }, redis: { ok: true }, queues: { "meetings-sync": { failed: 0 } } })
  })

  test("an admin reads the service status in plain words", async ({ page }) => {
    await apiSignIn(page, USERS.admin)
    await page.goto("/admin")
    await page.getByTestId("admin-nav").getByRole("link", { name: "État du service" }).click()
    await expect(page.getByRole("heading", { name: "État du service" })).toBeVisible()
    await expect(page.getByTestId("health-database")).toContainText("Base de données")
    await expect(page.getByTestId("health-database")).toContainText("répond")
    await expect(page.getByTestId("health-queue")).toContainText("répond")
    // The workers sync the simulator every few seconds: the page says everything works.
    await expect(async () => {
      await page.reload()
      await expect(page.getByTestId("health-status")).toHaveText("Tout fonctionne.", { timeout: 1_000 })
    }).toPass({ timeout: 30_000 })
    await expect(page.getByTestId("health-bbb")).toContainText("a répondu à la dernière demande")
    await expect(page.getByTestId("health-lastSync")).toContainText("session")
    // The worker registers its hook on the simulator at start: webhooks mode once that is recorded
    // (the full sync's interval is 1 s in the browser tests either way).
    await expect(page.getByTestId("health-syncMode")).toContainText(/bbb-webhooks actifs|interrogation de BigBlueButton toutes les/)
    await expect(page.getByTestId("health-queues")).toContainText("Mise à jour des sessions : 0 en attente, 0 en échec")
  })

  test("a teacher is refused the service status and an anonymous visitor is sent to sign-in", async ({ page }) => {
    await page.goto("/admin/health")
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fhealth/)
    await apiSignIn(page, USERS.teacher)
    expect((await page.goto("/admin/health"))?.status()).toBe(403)
  })
})

test.describe("metrics", () => {
  test("Prometheus reads the metrics with the token, nobody without it", async ({ request }) => {
    expect((await request.get("/api/metrics")).status()).toBe(401)
    expect((await request.get("/api/metrics", { headers: { authorization: "Bearer wrong-token-wrong-token" } })).status()).toBe(401)
    const ok = await request.get("/api/metrics", { headers: { authorization: "Bearer e2e-metrics-token-0123456789" } })
    expect(ok.status()).toBe(200)
    expect(ok.headers()["content-type"]).toContain("text/plain")
    const body = await ok.text()
    expect(body).toMatch(/^bbb_pod_live_meetings_running \d+$/m)
    expect(body).toMatch(/^bbb_pod_live_queue_jobs\{queue="meetings-sync",state="failed"\} \d+$/m)
  })
})

test.describe("bbb-webhooks callbacks", () => {
  const callbackUrl = `${E2E_ENV.APP_URL}/api/bbb/webhooks`
  const body = `event=${encodeURIComponent(JSON.stringify([{ data: { type: "event", id: "meeting-created", attributes: { meeting: { "internal-meeting-id": "e2e" } } } }]))}&timestamp=1`
  const post = (request: APIRequestContext, checksum: string) =>
    request.post(`/api/bbb/webhooks?checksum=${checksum}`, { data: body, headers: { "content-type": "application/x-www-form-urlencoded" } })

  test("a callback with a wrong checksum is refused; a signed one is read", async ({ request }) => {
    const wrong = await post(request, createHash("sha1").update(callbackUrl + body + "not-the-secret").digest("hex"))
    expect(wrong.status()).toBe(401)
    expect(await wrong.json()).toEqual({ ok: false, code: "UNAUTHENTICATED" })
    const signed = await post(request, createHash("sha1").update(callbackUrl + body + E2E_ENV.BBB_SECRET_KEY).digest("hex"))
    expect(signed.status()).toBe(200)
    expect(await signed.json()).toMatchObject({ ok: true, events: ["meeting-created"] })
  })
})
