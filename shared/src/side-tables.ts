/**
 * Root maps a draft's `Y.Doc` holds beside its `body`: records that must merge under
 * concurrency, travel with the document (live, durable in its log, attributed like any edit)
 * and anchor to its text, but are not text. Each is a flat `Y.Map` from a string key to one
 * JSON value (never a nested Yjs type), so the relay checks every entry an update adds or
 * removes with one rule per table.
 *
 * - `comments`: comment threads and their replies, keyed by comment id.
 * - `bracketSponsors`: `<bracket id>:<delegation>` → true, one key per delegation on a
 *   bracket, so two delegations joining a bracket at the same moment both stay on it (a mark
 *   attribute is last-writer-wins).
 * - `proposalSupport`: `<proposal id>:<delegation>` → true, the same for a proposal's
 *   co-sponsors.
 * - `paragraphModes`: `<paragraph id>` → a drafting mode, set by the chair, overriding the
 *   document's mode for that paragraph (see `@accord/shared` proposals).
 */
export const SIDE_TABLES = [
  'comments',
  'bracketSponsors',
  'proposalSupport',
  'paragraphModes',
] as const;

export type SideTable = (typeof SIDE_TABLES)[number];

export function isSideTable(name: string): name is SideTable {
  return (SIDE_TABLES as readonly string[]).includes(name);
}
