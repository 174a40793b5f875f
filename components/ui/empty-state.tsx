import type { ReactNode } from "react"

/** What a list shows when it has nothing: one title, one short line, maybe an action. */
export function EmptyState({ title, children, action, testId }: { title: ReactNode; children?: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId} className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center sm:px-8">
      <p className="font-medium text-slate-900">{title}</p>
      {children && <div className="mx-auto mt-2 max-w-prose text-sm text-slate-600">{children}</div>}
      {action && <div className="mt-4">{action}</div>}
    </div>
  )
}
