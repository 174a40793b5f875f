/**
 * The catalogue namespaces that client components read (`useTranslations` in a "use client" module
 * or a module they import). Only these travel to the browser: every page would otherwise carry the
 * whole catalogue, admin texts included. A new client namespace goes here (client-namespaces.test.ts
 * fails when one is missing).
 */
export const CLIENT_NAMESPACES = [
  "account",
  "adminAttendees",
  "adminLives",
  "adminToolkit",
  "app",
  "claim",
  "confirmAction",
  "error",
  "errors",
  "externalRecordings",
  "fieldLimit",
  "liveBadge",
  "liveChat",
  "livePage",
  "liveRequest",
  "login",
  "meetings",
  "nav",
  "roles",
  "videos",
] as const
