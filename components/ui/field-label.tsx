import type { ReactNode } from "react"

/** The label above a compact control (a toolbar's search box, filter or sort). */
export function FieldLabel({ htmlFor, children }: { htmlFor: string; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="mb-1 block text-sm font-medium text-slate-800">
      {children}
    </label>
  )
}
