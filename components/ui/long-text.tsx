import { cn } from "./cn"

/** `text` cut to `max` characters with an ellipsis (a link's text; the whole goes in its `title`). */
export function truncateText(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/**
 * A value that may be very long (a name, an address, an id from another system) in a table cell:
 * up to `max` characters shown, the whole behind a disclosure (a click, or Enter from the keyboard)
 * and in `title`; screen readers hear the whole. It wraps anywhere, so one long word never widens
 * its table. A short value is plain text.
 */
export function LongText({ text, max = 60, className }: { text: string; max?: number; className?: string }) {
  if (text.length <= max) return <span className={cn("[overflow-wrap:anywhere]", className)}>{text}</span>
  return (
    <details className={cn("group", className)}>
      <summary className="cursor-pointer [overflow-wrap:anywhere]" title={text}>
        <span aria-hidden="true" className="group-open:hidden">
          {truncateText(text, max)}
        </span>
        <span className="sr-only group-open:not-sr-only">{text}</span>
      </summary>
    </details>
  )
}
