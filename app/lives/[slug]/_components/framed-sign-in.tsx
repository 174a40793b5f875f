"use client"

import { useTranslations } from "next-intl"
import { useEffect } from "react"

import { buttonClasses } from "@/components/ui/button"
import { Notice } from "@/components/ui/notice"

/**
 * A restricted live asked without a session from inside a frame (an LMS page on another site: the
 * session cookie is SameSite=Lax, so the frame never has it, and the sign-in page refuses framing).
 * Instead of a broken sign-in, a link opens the live in a new tab, where the visitor signs in (or is
 * already). Not framed after all (the browser's Sec-Fetch-Dest was not to be believed): on to sign-in.
 */
export function FramedSignIn({ livePath, loginPath }: { livePath: string; loginPath: string }) {
  const t = useTranslations("livePage")
  useEffect(() => {
    if (window.top === window.self) window.location.replace(loginPath)
  }, [loginPath])
  return (
    <Notice tone="info" title={t("framedTitle")} testId="framed-sign-in">
      <p>{t("framedBody")}</p>
      <a href={livePath} target="_blank" rel="noopener" className={buttonClasses({ className: "mt-3" })}>
        {t("framedOpen")}
      </a>
    </Notice>
  )
}
