"use client"

import { useRouter } from "next/navigation"
import { useTranslations } from "next-intl"
import { useActionState, useEffect, useState, type FormEvent } from "react"

import { Button } from "@/components/ui/button"
import { inputClasses } from "@/components/ui/field"
import { cn } from "@/components/ui/cn"
import { keepFormValues } from "@/components/ui/keep-form-values"

import { assignAttendeeAction } from "../actions"

/**
 * The accounts to pick from (one button each) and, for anyone else, a username field. Errors stay
 * under the form; a success refreshes the page, whose notice confirms the link.
 */
export function AssignForm({
  attendeeId,
  ambiguous,
  candidates,
  candidatesLabel,
  noCandidateLabel,
}: {
  attendeeId: number
  ambiguous: boolean
  candidates: { username: string; name: string; email: string; role?: "ADMIN" | "TEACHER" | "STUDENT" }[]
  /** Replaces the line above the candidates (e.g. "Accounts found:"). */
  candidatesLabel?: string
  /** Replaces the "no close name" line; null shows nothing. */
  noCandidateLabel?: string | null
}) {
  const t = useTranslations("adminAttendees")
  const tRoles = useTranslations("roles")
  const tErrors = useTranslations("errors")
  const router = useRouter()
  const [state, action, pending] = useActionState(assignAttendeeAction, null)
  const [missing, setMissing] = useState(false)
  // The username last submitted: a refusal because it is a student account names it, and the next
  // submission of the same username confirms it.
  const [submitted, setSubmitted] = useState("")
  const studentWarned = state && !state.ok && state.fieldErrors?.studentConfirmed ? submitted : null
  useEffect(() => {
    if (state?.ok) router.refresh()
  }, [state, router])
  const serverError = studentWarned
    ? t("studentWarning", { username: studentWarned })
    : state && !state.ok
      ? state.code === "INVALID_INPUT"
        ? t("unknownUser")
        : tErrors(state.code)
      : null
  const error = missing ? t("missingUser") : serverError
  const inputId = `username-${attendeeId}`
  const errorId = `assign-error-${attendeeId}`

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // A click on a candidate names its account; the free field must not be submitted empty
    // (an empty username would hand the attendee back to automatic matching).
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null
    const typed = new FormData(event.currentTarget).get("username")
    const isEmpty = submitter?.name !== "username" && !String(typed ?? "").trim()
    setMissing(isEmpty)
    setSubmitted(submitter?.name === "username" ? submitter.value : String(typed ?? "").trim())
    if (isEmpty) event.preventDefault()
    // A refused username stays in the field (no form reset).
    else keepFormValues(action)(event)
  }

  return (
    <div className="space-y-3">
      <form action={action} onSubmit={onSubmit} className="space-y-3">
        <input type="hidden" name="attendeeId" value={attendeeId} />
        {studentWarned && <input type="hidden" name="studentConfirmed" value={studentWarned} />}
        {candidates.length > 0 ? (
          <div>
            <p className="mb-1 text-slate-600">{candidatesLabel ?? (ambiguous ? t("candidatesAmbiguous") : t("candidatesSimilar"))}</p>
            <ul className="flex flex-wrap gap-2">
              {candidates.map((c) => (
                <li key={c.username}>
                  <Button type="submit" name="username" value={c.username} variant="secondary" size="sm" disabled={pending}>
                    <span className="text-left">
                      <span className="block">
                        <span className="sr-only">{t("assignTo")} </span>
                        {c.name} <span className="text-slate-600">({c.username})</span>
                        {c.role && <span className="text-slate-600"> · {tRoles(c.role)}</span>}
                      </span>
                      {ambiguous && <span className="block text-xs font-normal text-slate-600">{c.email}</span>}
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        ) : noCandidateLabel === null ? null : (
          <p className="text-slate-600">{noCandidateLabel ?? t("noCandidate")}</p>
        )}
      </form>
      <form action={action} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="attendeeId" value={attendeeId} />
        {studentWarned && <input type="hidden" name="studentConfirmed" value={studentWarned} />}
        <div className="min-w-0 flex-1 basis-44">
          <label htmlFor={inputId} className="mb-1 block text-slate-700">
            {t("otherAccount")}
          </label>
          <input
            id={inputId}
            name="username"
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            className={cn(inputClasses, "py-1.5 text-sm")}
          />
        </div>
        <Button type="submit" size="sm" disabled={pending} className="min-h-9">
          {pending ? t("assigning") : t("assign")}
        </Button>
      </form>
      <p id={errorId} role="status" aria-live="polite" className={error ? "font-medium text-red-700" : "sr-only"}>
        {error ?? ""}
      </p>
    </div>
  )
}
