import Link from "next/link"

/** A centred title, one paragraph and a link back to the lives: 403, 404 and similar pages. */
export function MessagePage({ title, body, back, testId }: { title: string; body: string; back: string; testId?: string }) {
  return (
    <section className="mx-auto max-w-lg text-center" data-testid={testId}>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-3 text-slate-700">{body}</p>
      <Link href="/lives" className="mt-6 inline-block text-brand-700 underline">
        {back}
      </Link>
    </section>
  )
}
