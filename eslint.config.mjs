// ESLint flat config. Its main job here is the import direction of docs style.md §1:
// app, components, workers, server → lib → lib/db.ts; lib never reaches up; Prisma only inside lib/;
// and, inside lib/, the one-way map of domains below (docs/architecture.md).
// server/ holds the routes server.ts serves outside Next.js (server/README.md): only server.ts imports it.
import tseslint from "typescript-eslint"

const upward = ["@/app/*", "@/app/**", "@/components/*", "@/components/**", "@/workers/*", "@/workers/**", "@/server/**", "@/tools/**", "@/bench/**"]

// The lib domains (lib/<domain>/) and the other domains each may import, listed from the bottom up.
// Every domain may also import the infrastructure at the root of lib/ (db, redis, redis-keys, queues,
// logger, errors), which itself imports only `config` and `generated` (Prisma's client, open to all).
// An import of a domain not listed is an error; the map must stay acyclic (checked below), so adding
// an edge that closes a cycle fails the lint run whatever the files say. Tests (*.test.ts) and their
// helpers (lib/**/testing/) are not product code and may use any domain to set up their data.
// To add an edge: add it here and to docs/architecture.md, and check it is not a disguised cycle.
const LIB_DOMAINS = {
  config: [],
  lists: [],
  i18n: [],
  net: [],
  mail: ["config"],
  metrics: ["config"],
  audit: ["config", "lists"],
  events: ["config"],
  bbb: ["config", "metrics"],
  health: ["config", "metrics"],
  broadcasters: ["audit", "config", "lists"],
  lives: ["audit", "broadcasters", "config", "events", "lists"],
  streamers: ["bbb", "config", "events", "lives", "mail"],
  meetings: ["audit", "bbb", "config", "events", "health", "lists", "lives", "mail", "metrics", "streamers"],
  users: ["audit", "config", "events", "lists", "mail", "meetings"],
  auth: ["audit", "config", "events", "users"],
  "bbb-webhooks": ["chat", "config", "health", "meetings", "metrics"],
  recordings: ["audit", "bbb", "config", "lists", "meetings", "net", "users"],
  chat: ["audit", "auth", "bbb", "config", "events", "lives"],
  audience: ["config", "lists", "lives"],
  security: ["auth", "config", "lives", "metrics"],
  admin: ["lives", "meetings", "users"],
  boot: ["config", "health"],
  doctor: ["auth", "bbb", "bbb-webhooks", "chat", "config", "health", "mail", "streamers"],
}
const LIB_ROOT_MAY_IMPORT = ["config"]

function assertAcyclic(map) {
  const state = new Map() // domain → "visiting" | "done"
  const visit = (domain, path) => {
    if (!(domain in map)) throw new Error(`eslint.config.mjs: LIB_DOMAINS names an unknown domain "${domain}" (${path.join(" → ")})`)
    if (state.get(domain) === "done") return
    if (state.get(domain) === "visiting") throw new Error(`eslint.config.mjs: LIB_DOMAINS has a cycle: ${[...path, domain].join(" → ")}`)
    state.set(domain, "visiting")
    for (const dep of map[domain]) visit(dep, [...path, domain])
    state.set(domain, "done")
  }
  for (const domain of Object.keys(map)) visit(domain, [])
}
assertAcyclic(LIB_DOMAINS)

const libBasePatterns = (domain) => [
  { group: upward, message: "lib/ never imports app/, components/, workers/, server/, tools/ or bench/." },
  ...(domain === "auth" ? [] : [{ group: ["next", "next/*", "next-auth", "next-auth/*"], message: "Only lib/auth/ touches Next.js and next-auth." }]),
  { group: ["server-only"], message: "server-only throws under plain Node (workers, vitest)." },
]
const domainsOutside = (allowed, self) => Object.keys(LIB_DOMAINS).filter((d) => d !== self && !allowed.includes(d))
const domainPattern = (forbidden, who) => ({
  // Relative paths too ("../users/x" from lib/<domain>/, "../../users/x" from a subfolder): no subfolder is named after a domain.
  group: forbidden.flatMap((d) => [`@/lib/${d}/*`, `@/lib/${d}/**`, `../${d}/**`, `../../${d}/**`]),
  message: `${who} may import only the domains LIB_DOMAINS lists for it (eslint.config.mjs, docs/architecture.md): the lib graph is one-way.`,
})

// One block per domain (and one for lib/*.ts): the import direction above plus that domain's map entry.
function libDomainRules() {
  const product = { ignores: ["lib/**/*.test.ts", "lib/**/testing/**"] }
  const blocks = Object.entries(LIB_DOMAINS).map(([domain, allowed]) => ({
    files: [`lib/${domain}/**/*.ts`],
    ...product,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          // lib/admin owns no table: the admin overview asks each domain for its figures (issue 10).
          ...(domain === "admin" ? { paths: [{ name: "@/lib/db", message: "lib/admin reads no table: call the domain's own function (lib/<domain>/count-…)." }] } : {}),
          patterns: [...libBasePatterns(domain), domainPattern(domainsOutside(allowed, domain), `lib/${domain}`)],
        },
      ],
    },
  }))
  const root = {
    files: ["lib/*.ts"],
    ...product,
    rules: {
      "no-restricted-imports": ["error", { patterns: [...libBasePatterns("(root)"), domainPattern(domainsOutside(LIB_ROOT_MAY_IMPORT), "lib/*.ts (infrastructure)")] }],
    },
  }
  const unknown = {
    // A new folder of lib/ must be added to the map before it is used.
    files: ["lib/**/*.ts"],
    ignores: ["lib/*.ts", "lib/generated/**", ...Object.keys(LIB_DOMAINS).map((d) => `lib/${d}/**`)],
    rules: { "no-restricted-syntax": ["error", { selector: "Program", message: "A new lib/ domain: add it to LIB_DOMAINS in eslint.config.mjs and to docs/architecture.md." }] },
  }
  return [root, ...blocks, unknown]
}

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", "lib/generated/**", "test-results/**", "var/**", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  ...libDomainRules(),
  {
    // Tests and their helpers (lib/**/testing/) are not product code: they may drive tools/ (BBB simulator, nginx-rtmp).
    files: ["lib/**/*.test.ts", "lib/**/testing/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/app/**", "@/components/**", "@/workers/**", "@/server/**", "@/bench/**"], message: "lib/ never imports app/, components/, workers/, server/ or bench/." },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "workers/**/*.ts", "server/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/lib/db", message: "Prisma stays inside lib/: call a use case of lib/<domain>/." }],
          patterns: [
            { group: ["@/lib/generated/**", "@prisma/*"], message: "Prisma stays inside lib/." },
            { group: ["@/tools/**", "@/bench/**"], message: "The product never imports tools/ or bench/." },
            { group: ["@/server/**"], message: "server/ is server.ts's own (server/README.md): only server.ts imports it." },
          ],
        },
      ],
    },
  },
  {
    // Worker tests and their harness read the database and drive tools/ (nginx-rtmp, BBB simulator).
    files: ["workers/**/*.test.ts", "workers/testing/**/*.ts"],
    rules: { "no-restricted-imports": "off" },
  },
)
