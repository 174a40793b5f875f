// The text a chat message carries into BBB: one line (the streamer's bot types a newline as Enter),
// no control characters, trimmed. Runs of line breaks become one space so words stay apart.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g
const LINE_BREAKS = /\s*[\r\n\u2028\u2029]+\s*/g

export function normalizeChatText(text: string): string {
  return text.replace(LINE_BREAKS, " ").replace(/\t/g, " ").replace(CONTROL, "").trim()
}
