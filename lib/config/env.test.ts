import { describe, expect, it } from "vitest"

import { InvalidSettingsError, parseEnv } from "./env"

const valid = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/x",
  AUTH_SECRET: "x".repeat(32),
  BBB_SERVER_URL: "https://bbb.example.org/",
  BBB_SECRET_KEY: "s3cret",
}

function errorOf(source: Record<string, string>): InvalidSettingsError {
  try {
    parseEnv(source)
  } catch (error) {
    if (error instanceof InvalidSettingsError) return error
    throw error
  }
  throw new Error("parseEnv accepted invalid settings")
}

describe("parseEnv", () => {
  it("applies the documented defaults", () => {
    const env = parseEnv(valid)
    expect(env.USE_BBB_LIVE).toBe(true)
    expect(env.USE_BBB_LIVE_DOWNLOADING).toBe(false)
    expect(env.BBB_USERNAME_FORMAT).toBe("first_name last_name")
    expect(env.BBB_CHECKSUM_ALGORITHM).toBe("sha1")
    expect(env.MEETINGS_SYNC_INTERVAL_MS).toBe(10_000)
    expect(env.BBB_RESOLUTION).toBe("1280x720")
    expect(env.FFMPEG_STREAM_VIDEO_BITRATE).toBe(3000)
  })

  it("reads booleans and numbers the way .env files write them", () => {
    const env = parseEnv({ ...valid, USE_BBB_LIVE: "False", BBB_NUMBER_MAX_LIVES: "5", USE_BBB_LIVE_DOWNLOADING: "1" })
    expect(env.USE_BBB_LIVE).toBe(false)
    expect(env.USE_BBB_LIVE_DOWNLOADING).toBe(true)
    expect(env.BBB_NUMBER_MAX_LIVES).toBe(5)
  })

  it("names every missing required setting", () => {
    const error = errorOf({})
    expect(error.settings).toEqual(expect.arrayContaining(["DATABASE_URL", "AUTH_SECRET", "BBB_SERVER_URL", "BBB_SECRET_KEY"]))
    expect(error.message).toContain("DATABASE_URL")
  })

  it("names each bad value", () => {
    const error = errorOf({
      ...valid,
      BBB_NUMBER_MAX_LIVES: "many",
      BBB_USERNAME_FORMAT: "first last",
      BBB_CHECKSUM_ALGORITHM: "md5",
      USE_BBB_LIVE: "maybe",
      BBB_STREAM_URL: "http://not-rtmp/",
      BBB_RESOLUTION: "hd",
      BBB_SERVER_URL: "not a url",
    })
    expect(error.settings.sort()).toEqual(
      ["BBB_CHECKSUM_ALGORITHM", "BBB_NUMBER_MAX_LIVES", "BBB_RESOLUTION", "BBB_SERVER_URL", "BBB_STREAM_URL", "BBB_USERNAME_FORMAT", "USE_BBB_LIVE"].sort(),
    )
  })

  it("checks settings against each other", () => {
    expect(errorOf({ ...valid, NUMBER_SERVERS: "2", SERVER_NUMBER: "3" }).settings).toEqual(["SERVER_NUMBER"])
    expect(errorOf({ ...valid, OIDC_ISSUER: "https://idp.example.org" }).settings.sort()).toEqual(["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"])
  })

  it("reads the SSO role settings, and refuses a role claim without teacher values at start-up", () => {
    const oidc = { ...valid, OIDC_ISSUER: "https://idp.example.org", OIDC_CLIENT_ID: "app", OIDC_CLIENT_SECRET: "secret" }
    expect(parseEnv(oidc)).toMatchObject({ OIDC_TEACHER_VALUES: ["faculty", "employee", "staff", "teacher"], OIDC_ADMIN_VALUES: [], OIDC_TRUST_EMAIL: false, LOCAL_SIGN_IN: true, OIDC_LOGOUT: "offer" })
    expect(parseEnv({ ...oidc, OIDC_ROLE_CLAIM: "groups", OIDC_TEACHER_VALUES: " Enseignants , Personnels", OIDC_ADMIN_VALUES: "DSI" })).toMatchObject({
      OIDC_TEACHER_VALUES: ["enseignants", "personnels"],
      OIDC_ADMIN_VALUES: ["dsi"],
    })
    const refused = errorOf({ ...oidc, OIDC_ROLE_CLAIM: "eduPersonAffiliation", OIDC_TEACHER_VALUES: " , " })
    expect(refused.settings).toEqual(["OIDC_TEACHER_VALUES"])
    expect(refused.message).toContain("OIDC_TEACHER_VALUES: must name at least one value of eduPersonAffiliation that makes a teacher")
    // Turning password sign-in off needs SSO, or nobody could sign in.
    expect(errorOf({ ...valid, LOCAL_SIGN_IN: "false" }).settings).toEqual(["LOCAL_SIGN_IN"])
    expect(parseEnv({ ...oidc, LOCAL_SIGN_IN: "false", BREAK_GLASS_ADMIN: "root" })).toMatchObject({ LOCAL_SIGN_IN: false, BREAK_GLASS_ADMIN: "root" })
    expect(parseEnv(oidc).OIDC_SCOPES).toBe("openid email profile")
    expect(errorOf({ ...oidc, OIDC_SCOPES: "email profile" }).settings).toEqual(["OIDC_SCOPES"])
  })

  it("treats empty values as unset", () => {
    expect(parseEnv({ ...valid, SMTP_URL: "", OIDC_ISSUER: "" }).SMTP_URL).toBeUndefined()
  })
  it("reads the sign-in throttling and framing settings, with safe defaults", () => {
    const defaults = parseEnv(valid)
    expect(defaults.TRUSTED_PROXIES).toEqual([])
    expect(defaults.LIVE_EMBED_ORIGINS).toEqual([])
    expect(defaults).toMatchObject({ LOGIN_ACCOUNT_MAX_FAILURES: 10, LOGIN_IP_MAX_FAILURES: 50, LOGIN_BLOCK_SECONDS: 900 })
    const env = parseEnv({
      ...valid,
      TRUSTED_PROXIES: "127.0.0.1, ::1 10.0.0.0/8,fd00::/8",
      LIVE_EMBED_ORIGINS: "https://moodle.example.org https://*.univ.example:8443",
      LOGIN_ACCOUNT_MAX_FAILURES: "5",
    })
    expect(env.TRUSTED_PROXIES).toEqual(["127.0.0.1", "::1", "10.0.0.0/8", "fd00::/8"])
    expect(env.LIVE_EMBED_ORIGINS).toEqual(["https://moodle.example.org", "https://*.univ.example:8443"])
    expect(env.LOGIN_ACCOUNT_MAX_FAILURES).toBe(5)
  })

  it("reads how long the front may keep anonymous public pages (2 s by default, 0 turns it off, at most 60)", () => {
    expect(parseEnv(valid).PUBLIC_PAGE_CACHE_SECONDS).toBe(2)
    expect(parseEnv({ ...valid, PUBLIC_PAGE_CACHE_SECONDS: "0" }).PUBLIC_PAGE_CACHE_SECONDS).toBe(0)
    expect(errorOf({ ...valid, PUBLIC_PAGE_CACHE_SECONDS: "61" }).settings).toEqual(["PUBLIC_PAGE_CACHE_SECONDS"])
  })

  it("names bad proxy addresses, embedding origins and throttling values", () => {
    const error = errorOf({
      ...valid,
      TRUSTED_PROXIES: "127.0.0.1, proxy.example.org, 10.0.0.0/33",
      LIVE_EMBED_ORIGINS: "https://moodle.example.org/course/1",
      LOGIN_ACCOUNT_MAX_FAILURES: "0",
      LOGIN_BLOCK_SECONDS: "soon",
    })
    expect(error.message).toContain("TRUSTED_PROXIES")
    expect(error.message).toContain('TRUSTED_PROXIES.1: "proxy.example.org" is not an IP address or a CIDR block')
    expect(error.message).toContain('TRUSTED_PROXIES.2: "10.0.0.0/33" is not an IP address or a CIDR block')
    expect(error.message).toContain('LIVE_EMBED_ORIGINS.0: "https://moodle.example.org/course/1" is not an origin')
    expect(error.settings.map((s) => s.split(".")[0]).sort()).toEqual(
      ["LIVE_EMBED_ORIGINS", "LOGIN_ACCOUNT_MAX_FAILURES", "LOGIN_BLOCK_SECONDS", "TRUSTED_PROXIES", "TRUSTED_PROXIES"].sort(),
    )
  })
})
