// A request path that does not percent-decode (`/lives/%E0%A4%A`: a cut UTF-8 sequence, a lone `%`)
// made Next.js answer a bare "Internal Server Error" while decoding the route's parameters. server.ts
// escapes every `%` of such a path before routing, so the path names what it literally says: no page
// has that address, and the visitor gets the usual 404 page.

/** The request target with its path's `%` escaped when the path does not decode; otherwise unchanged. */
export function escapeMalformedPath(target: string): string {
  const end = target.search(/[?#]/)
  const path = end === -1 ? target : target.slice(0, end)
  try {
    decodeURIComponent(path)
    return target
  } catch {
    return path.replaceAll("%", "%25") + (end === -1 ? "" : target.slice(end))
  }
}
