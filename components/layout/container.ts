/** One column for header, content and footer, so the logo and the page share a left edge. */
export const CONTAINER = "mx-auto w-full max-w-5xl px-4 sm:px-6"
