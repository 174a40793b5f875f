// The production layout under deploy/ is checked here: `systemd-analyze verify` on every unit (the
// template instantiated as bbb-pod-live-app@3001), which parses every key and needs each Exec*
// binary to exist (hence /usr/bin/node and /usr/sbin/nginx, Debian's paths: elsewhere, a drop-in
// changes ExecStart), every EnvironmentFile of a unit has its example under deploy/env/, the front's
// main config with the site file is accepted by `nginx -t` with the unit's pid option, and the
// deploy scripts parse.
import { execFile } from "node:child_process"
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { promisify } from "node:util"

import { describe, expect, it } from "vitest"

import { FRONT_TEMPLATE, renderFrontSite } from "@/tools/front/server"

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, "..")
const unitsDir = path.join(root, "deploy/systemd")

describe("deploy/", () => {
  it("every systemd unit verifies without a warning", async () => {
    const units = (await readdir(unitsDir)).filter((f) => f.endsWith(".service")).sort()
    expect(units).toEqual(["bbb-pod-live-agent.service", "bbb-pod-live-app@.service", "bbb-pod-live-front.service", "bbb-pod-live-hls.service", "bbb-pod-live-worker.service"])
    const dir = await mkdtemp(path.join(os.tmpdir(), "bbb-units-"))
    try {
      for (const unit of units) await copyFile(path.join(unitsDir, unit), path.join(dir, unit))
      await copyFile(path.join(unitsDir, "bbb-pod-live-app@.service"), path.join(dir, "bbb-pod-live-app@3001.service"))
      const toVerify = units.map((u) => (u === "bbb-pod-live-app@.service" ? "bbb-pod-live-app@3001.service" : u)).map((u) => path.join(dir, u))
      const { stdout, stderr } = await run("/usr/bin/systemd-analyze", ["verify", "--man=no", ...toVerify], { cwd: dir }).catch((error: { stdout: string; stderr: string; code: number }) => {
        throw new Error(`systemd-analyze verify failed (${error.code}):\n${error.stderr}${error.stdout}`)
      })
      expect(stderr + stdout).toBe("")
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it("each unit's environment files have their example under deploy/env/", async () => {
    const examples = await readdir(path.join(root, "deploy/env"))
    for (const unit of (await readdir(unitsDir)).filter((f) => f.endsWith(".service"))) {
      const text = await readFile(path.join(unitsDir, unit), "utf8")
      for (const [, file] of text.matchAll(/^EnvironmentFile=-?\/etc\/bbb-pod-live\/(.+)$/gm)) expect(examples, unit).toContain(`${file}.example`)
    }
  })

  it("the front's main config and site file pass nginx -t as the unit runs it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "bbb-front-conf-"))
    try {
      await mkdir(path.join(dir, "cache"))
      const site = renderFrontSite(await readFile(FRONT_TEMPLATE, "utf8"), { listen: "127.0.0.1:8080", serverName: "live.univ.example", appAddresses: ["127.0.0.1:3001", "127.0.0.1:3002"], cachePath: path.join(dir, "cache") })
      await writeFile(path.join(dir, "bbb-pod-live.conf"), site)
      const main = (await readFile(path.join(root, "deploy/nginx/front.conf"), "utf8")).replaceAll("/etc/bbb-pod-live/front/", `${dir}/`).replaceAll("/var/log/nginx/", `${dir}/`)
      await writeFile(path.join(dir, "nginx.conf"), main)
      await run("/usr/sbin/nginx", ["-t", "-q", "-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log"), "-g", `pid ${dir}/nginx.pid;`]).catch((error: { stderr: string }) => {
        throw new Error(`nginx -t refused the front's config:\n${error.stderr}`)
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it("the deploy scripts parse", async () => {
    for (const script of ["build.sh", "restart-app-instances.sh", "doctor.sh"]) await run("bash", ["-n", path.join(root, "deploy", script)])
  })
})
