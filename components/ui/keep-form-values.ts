"use client"

import { startTransition, type FormEvent } from "react"

/**
 * A form's `onSubmit` that posts its server action without React's automatic reset: React 19 resets
 * a `<form action={fn}>` once the action has run, which sends a `<select>` back to its first (or
 * initial) option, a checkbox back to its initial state and an uncontrolled input back to empty,
 * even when the server refused the submission. Posting from `onSubmit` keeps what was typed and
 * chosen; `action={formAction}` stays on the form for a submission before hydration. The clicked
 * submit button's name and value are posted, as a native submission would.
 *
 *   <form action={formAction} onSubmit={keepFormValues(formAction)}>
 */
export function keepFormValues(formAction: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    if (event.defaultPrevented) return
    event.preventDefault()
    const submitter = (event.nativeEvent as SubmitEvent).submitter
    const data = new FormData(event.currentTarget, submitter)
    startTransition(() => formAction(data))
  }
}
