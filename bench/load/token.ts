/**
 * Every change a writer types carries a token `⟨writer:seq:time⟩`, time in 10 µs units of the
 * generator's monotonic clock. Yjs encodes inserted text as plain UTF-8 inside an update, so a
 * receiver finds tokens with `Buffer.indexOf` on the raw bytes: no Y.Doc, no decoding.
 */

const OPEN = Buffer.from('⟨');
const CLOSE_LEAD = 0xe2;
const COLON = 0x3a;
const ZERO = 0x30;

/** Clock ticks per millisecond in tokens. */
export const TICKS_PER_MS = 100;

export function makeToken(writer: number, seq: number, sentAtMs: number): string {
  return `⟨${writer}:${seq}:${Math.round(sentAtMs * TICKS_PER_MS)}⟩ `;
}

export type TokenVisitor = (writer: number, seq: number, sentAtMs: number) => void;

/** Calls `visit` for every token in `bytes`. Allocation-free apart from the Buffer view. */
export function scanTokens(bytes: Uint8Array, visit: TokenVisitor): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = buffer.indexOf(OPEN);
  while (at !== -1) {
    let i = at + OPEN.length;
    const fields = [0, 0, 0];
    let field = 0;
    let valid = true;
    for (; i < buffer.length; i++) {
      const byte = buffer[i]!;
      if (byte === CLOSE_LEAD) break;
      if (byte === COLON) {
        field += 1;
        if (field > 2) break;
        continue;
      }
      const digit = byte - ZERO;
      if (digit < 0 || digit > 9) {
        valid = false;
        break;
      }
      fields[field] = fields[field]! * 10 + digit;
    }
    if (valid && field === 2) visit(fields[0]!, fields[1]!, fields[2]! / TICKS_PER_MS);
    at = buffer.indexOf(OPEN, i);
  }
}

/** Every token in a string (for probes, which read their document's text). */
export function tokensIn(text: string): string[] {
  return text.match(/⟨\d+:\d+:\d+⟩/g) ?? [];
}
