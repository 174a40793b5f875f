import type { ReactNode } from "react"

import { TextLink } from "@/components/ui/link-button"

import { BackLink } from "./back-link"

/**
 * A centred title, one paragraph, a way back and a link home: 403, 404 and error pages. It sets
 * the tab title itself (React hoists <title>), because these pages replace a page whose own
 * metadata may already be on its way to the browser.
 */
export function MessagePage({
  title,
  documentTitle,
  body,
  back,
  home,
  testId,
  action,
}: {
  title: string
  documentTitle: string
  body: string
  back: string
  home: string
  testId?: string
  action?: ReactNode
}) {
  return (
    <section className="mx-auto max-w-lg py-8 text-center" data-testid={testId}>
      <title>{documentTitle}</title>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-3 text-slate-700">{body}</p>
      <div className="mt-6 flex flex-wrap items-center justify-center gap-4">
        {action}
        <BackLink fallback="/lives">{back}</BackLink>
        <TextLink href="/lives">{home}</TextLink>
      </div>
    </section>
  )
}
