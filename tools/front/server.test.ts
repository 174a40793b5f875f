import { readFile } from "node:fs/promises"

import { describe, expect, it } from "vitest"

import { FRONT_TEMPLATE, renderFrontSite } from "./server"

const values = { listen: "127.0.0.1:8080", serverName: "live.univ.example", appAddresses: ["127.0.0.1:3000", "127.0.0.1:3001"], cachePath: "/var/cache/front" }

describe("rendering the shipped front template", () => {
  it("fills every placeholder, with one upstream line per app instance", async () => {
    const site = renderFrontSite(await readFile(FRONT_TEMPLATE, "utf8"), values)
    expect(site).not.toMatch(/\{\{/)
    expect(site).toContain("    server 127.0.0.1:3000;\n    server 127.0.0.1:3001;\n")
    expect(site).toContain("listen 127.0.0.1:8080;")
    expect(site).toContain("server_name live.univ.example;")
    expect(site).toContain("proxy_cache_path /var/cache/front ")
  })

  it("refuses a template with a placeholder it does not know, or no app", () => {
    expect(() => renderFrontSite("upstream a {\n    server {{APP_ADDRESS}};\n}\n{{OTHER}}", values)).toThrow("{{OTHER}}")
    expect(() => renderFrontSite("upstream a {\n    server {{APP_ADDRESS}};\n}", { ...values, appAddresses: [] })).toThrow("app address")
  })
})
