// Runs once when the Next.js server starts (Node.js runtime only): invalid settings or unreachable
// services stop start-up with a message that names them, instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkStartup } = await import("./instrumentation-node")
    await checkStartup()
  }
}
