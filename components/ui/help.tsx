import type { ReactNode } from "react"

/** Instructions folded away until asked for: a `<details>` that works without JavaScript. */
export function Help({ summary, children, testId }: { summary: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <details data-testid={testId} className="group rounded-md border border-slate-200 bg-white text-sm text-slate-700">
      <summary className="flex cursor-pointer list-none items-center gap-2 px-3 py-2 font-medium text-brand-700 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
          ›
        </span>
        {summary}
      </summary>
      <div className="space-y-2 border-t border-slate-200 px-3 py-3 leading-relaxed">{children}</div>
    </details>
  )
}
