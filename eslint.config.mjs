// ESLint flat config. Its main job here is the import direction of docs style.md §1:
// app, components, workers, server → lib → lib/db.ts; lib never reaches up; Prisma only inside lib/.
// server/ holds the routes server.ts serves outside Next.js (server/README.md): only server.ts imports it.
import tseslint from "typescript-eslint"

const upward = ["@/app/*", "@/app/**", "@/components/*", "@/components/**", "@/workers/*", "@/workers/**", "@/server/**", "@/tools/**", "@/bench/**"]

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", "lib/generated/**", "test-results/**", "var/**", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/auth/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: upward, message: "lib/ never imports app/, components/, workers/, server/, tools/ or bench/." },
            { group: ["next", "next/*", "next-auth", "next-auth/*"], message: "Only lib/auth/ touches Next.js and next-auth." },
            { group: ["server-only"], message: "server-only throws under plain Node (workers, vitest)." },
          ],
        },
      ],
    },
  },
  {
    // lib/admin owns no table: the admin overview asks each domain for its figures (issue 10).
    files: ["lib/admin/**/*.ts"],
    ignores: ["lib/admin/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/lib/db", message: "lib/admin reads no table: call the domain's own function (lib/<domain>/count-…)." }],
          patterns: [
            { group: upward, message: "lib/ never imports app/, components/, workers/, server/, tools/ or bench/." },
            { group: ["next", "next/*", "next-auth", "next-auth/*"], message: "Only lib/auth/ touches Next.js and next-auth." },
            { group: ["server-only"], message: "server-only throws under plain Node (workers, vitest)." },
          ],
        },
      ],
    },
  },
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
    files: ["lib/auth/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: upward, message: "lib/ never imports app/, components/, workers/ or server/." }] }] },
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
