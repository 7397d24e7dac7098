/**
 * Who holds a bracket. The `bracket` mark names the delegation that placed it; delegations that
 * join it later are keys of the `bracketSponsors` side table (`<bracket id>:<delegation>` →
 * true), because a mark attribute is last-writer-wins in Yjs and two delegations joining at
 * the same moment must both stay on it, while keys of a map merge.
 */

import * as Y from 'yjs';

/** The side table's name in the document. */
export const BRACKET_SPONSORS = 'bracketSponsors';
/** The `bracketSponsors` side-table key saying `delegation` holds bracket `bracketId`. */
export function bracketSponsorKey(bracketId: string, delegation: string): string {
  return `${bracketId}:${delegation}`;
}

/** The bracket id and delegation a `bracketSponsors` key names, or null when it names none. */
export function parseBracketSponsorKey(
  key: string,
): { bracketId: string; delegation: string } | null {
  const colon = key.indexOf(':');
  if (colon <= 0 || colon === key.length - 1) return null;
  return { bracketId: key.slice(0, colon), delegation: key.slice(colon + 1) };
}

/**
 * Everyone who holds a bracket: the delegations on its mark and those that joined it in the
 * side table, in that order, each once.
 */
export function bracketHolders(
  mark: { id?: unknown; delegations?: unknown },
  sponsors: { forEach(callback: (value: unknown, key: string) => void): void } | null,
): string[] {
  const holders = Array.isArray(mark.delegations)
    ? mark.delegations.filter((d): d is string => typeof d === 'string')
    : [];
  const seen = new Set(holders);
  if (typeof mark.id === 'string' && sponsors) {
    sponsors.forEach((value, key) => {
      const parsed = value === true ? parseBracketSponsorKey(key) : null;
      if (parsed && parsed.bracketId === mark.id && !seen.has(parsed.delegation)) {
        seen.add(parsed.delegation);
        holders.push(parsed.delegation);
      }
    });
  }
  return holders;
}

/**
 * The document's `bracketSponsors` map, or null when it has none. A root type received in an
 * update but never opened is a bare placeholder until it is opened as a map; anything else
 * under that name is not read.
 */
export function sponsorTable(doc: Y.Doc | null | undefined): Y.Map<unknown> | null {
  const existing = doc?.share.get(BRACKET_SPONSORS);
  if (!doc || !existing) return null;
  if (existing instanceof Y.Map) return existing as Y.Map<unknown>;
  if (existing.constructor !== Y.AbstractType) return null;
  try {
    return doc.getMap(BRACKET_SPONSORS);
  } catch {
    return null;
  }
}
