// A recording stand-in for `docker` (no Docker engine can run here): it logs every call, keeps one
// state file per compose project (keyed by its folder) and answers the few commands the docker
// streamer driver runs, the way compose v2 does. It is stricter than compose on purpose: a `$` not
// escaped as `$$` fails `up`, since that is the bug a rendered compose file must never have.
import { createHash } from "node:crypto"
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"

import { parse } from "yaml"

const COMPOSE_FILES = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"]
const argv = process.argv.slice(2)
const cwd = process.cwd()
const env = process.env

if (env.DOCKER_SHIM_LOG) appendFileSync(env.DOCKER_SHIM_LOG, JSON.stringify({ argv, cwd, at: new Date().toISOString() }) + "\n")

const stateDir =
  env.DOCKER_SHIM_STATE ?? (env.DOCKER_SHIM_LOG ? path.join(path.dirname(env.DOCKER_SHIM_LOG), "docker-shim-state") : path.join(tmpdir(), "docker-shim-state"))

function fail(message, code = 1) {
  process.stderr.write(message.endsWith("\n") ? message : `${message}\n`)
  process.exit(code)
}

const statePath = () => path.join(stateDir, `${createHash("sha1").update(cwd).digest("hex")}.json`)
const readState = () => (existsSync(statePath()) ? JSON.parse(readFileSync(statePath(), "utf8")) : { running: false })
function writeState(state) {
  mkdirSync(stateDir, { recursive: true })
  writeFileSync(statePath(), JSON.stringify(state, null, 2))
}

/** What compose would load from cwd; exits like compose when there is no file. */
function loadProject() {
  const file = COMPOSE_FILES.find((name) => existsSync(path.join(cwd, name)))
  if (!file) fail("no configuration file provided: not found")
  let doc
  try {
    doc = parse(readFileSync(path.join(cwd, file), "utf8"))
  } catch (error) {
    fail(`yaml: ${error.message}`, 15)
  }
  if (!doc || typeof doc.services !== "object") fail(`${file}: services must be a mapping`, 15)
  const name = (doc.name ?? path.basename(cwd)).toLowerCase().replace(/[^a-z0-9_-]/g, "")
  return { name, doc }
}

/** Compose's interpolation, minus variables: `$$` is a dollar, any other `$` is refused. */
function interpolate(value, where) {
  if (typeof value === "string") {
    if (/\$(?!\$)/.test(value.replaceAll("$$", ""))) fail(`docker-shim: unescaped "$" in ${where} (compose would interpolate it)`)
    return value.replaceAll("$$", "$")
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolate(v, `${where}[${i}]`))
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, `${where}.${k}`)]))
  return value
}

function containers(project) {
  return Object.entries(project.doc.services).map(([service, def]) => {
    const spec = interpolate(def ?? {}, `services.${service}`)
    const name = spec.container_name ?? `${project.name}-${service}-1`
    const labels = { "com.docker.compose.project": project.name, "com.docker.compose.service": service, ...(spec.labels ?? {}) }
    return { service, name, image: spec.image ?? "", labels, environment: spec.environment ?? {} }
  })
}

/** One container as `docker compose ps --format json` prints it (compose v2). */
function psEntry(state, c) {
  return {
    Command: '"docker-entrypoint.s…"',
    CreatedAt: state.startedAt,
    ExitCode: 0,
    Health: "",
    ID: createHash("sha1").update(cwd + c.name).digest("hex").slice(0, 12),
    Image: c.image,
    Labels: Object.entries(c.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(","),
    Name: c.name,
    Names: c.name,
    Project: state.project,
    Service: c.service,
    State: "running",
    Status: "Up 5 seconds",
  }
}

function compose(args) {
  const [command, ...rest] = args
  switch (command) {
    case "version":
      return console.log("Docker Compose version v2.29.7-shim")
    case "up": {
      if (!rest.includes("-d")) fail("docker-shim: only `compose up -d` is supported")
      const project = loadProject()
      if (env.DOCKER_SHIM_FAIL_UP === "1") fail("Error response from daemon: docker-shim: up refused (DOCKER_SHIM_FAIL_UP=1)")
      const list = containers(project)
      const state = readState()
      writeState({ running: true, project: project.name, cwd, startedAt: state.running ? state.startedAt : new Date().toISOString(), containers: list })
      for (const c of list) process.stderr.write(` Container ${c.name}  Started\n`)
      return
    }
    case "down": {
      const project = loadProject()
      const state = readState()
      for (const c of state.running ? state.containers : []) process.stderr.write(` Container ${c.name}  Removed\n`)
      return writeState({ running: false, project: project.name, cwd })
    }
    case "ps": {
      if (!(rest.includes("--format") && rest.includes("json"))) fail("docker-shim: only `compose ps --format json` is supported")
      loadProject() // compose answers nothing but an error without a file
      const state = readState()
      const entries = state.running ? state.containers.map((c) => psEntry(state, c)) : []
      // compose before 2.21 printed one JSON array, later versions one object per line
      if (env.DOCKER_SHIM_PS_FORMAT === "array") return console.log(JSON.stringify(entries))
      return entries.forEach((e) => console.log(JSON.stringify(e)))
    }
    default:
      fail(`docker-shim: unsupported command: docker compose ${args.join(" ")}`)
  }
}

if (argv[0] === "--version" || argv[0] === "version") console.log("Docker version 28.0.0-shim, build shim")
else if (argv[0] === "compose") compose(argv.slice(1))
else fail(`docker-shim: unsupported command: docker ${argv.join(" ")}`)
