const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Ids in paths and documents: opaque, `[A-Za-z0-9_-]{1,64}` (SPEC.md "Conventions"). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/**
 * A random id of `length` characters from 62 symbols (about 5.95 bits each). Uses Web Crypto,
 * present in browsers and in Node 20, so both sides make ids the same way.
 */
export function randomId(length = 12): string {
  const bytes = new Uint8Array(length * 2);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) {
    // Reject bytes that would bias the distribution (248 = 4 × 62).
    if (byte < 248) out += ALPHABET[byte % 62];
    if (out.length === length) return out;
  }
  return out + randomId(length - out.length);
}

/** A fresh paragraph id ("p" + 10 random characters). */
export function newParagraphId(): string {
  return `p${randomId(10)}`;
}
