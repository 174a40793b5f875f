import Link from "next/link"
import type { ComponentProps } from "react"

import { buttonClasses, type ButtonSize, type ButtonVariant } from "./button"

/** A link that looks like a button: for navigation ("Start a live" opens the form), never for actions. */
export function LinkButton({ variant, size, className, ...props }: ComponentProps<typeof Link> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <Link className={buttonClasses({ variant, size, className })} {...props} />
}

/** A plain text link in the brand colour, underlined. */
export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link className={`font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800 ${className ?? ""}`} {...props} />
}
