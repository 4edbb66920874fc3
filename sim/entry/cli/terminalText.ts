// Text bound for a terminal: C0 and C1 control characters, DEL and the bidirectional marks are
// shown as visible escapes (\x1b, \u202e), so a plan's names cannot move the cursor, set the
// window title, clear the screen or reorder a line. Newlines and tabs are kept. Node-free logic.

// C0 but tab and newline, DEL, C1, and the bidi marks: LRM/RLM/ALM, the embeddings and
// overrides (U+202A–U+202E) and the isolates (U+2066–U+2069).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escape(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every unsafe character replaced by a visible escape. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}
