import { can, parseBracketSponsorKey } from '@accord/shared';
import { isBracketId } from '../draft-shape';
import type { SideEntry, SideTableContext, SideTableRule } from '../side-tables';

/**
 * `bracketSponsors`: `<bracket id>:<delegation>` → true, one key per delegation that joined a
 * bracket. A delegation speaks only for itself: it adds (joins) or removes (withdraws from) its
 * own key; the chair, who removes brackets when the text is agreed, may remove any key (and
 * add one, as when recording a delegation's request from the floor). O(1) per entry.
 */

const MAX_DELEGATION_LENGTH = 200;

function shapeProblem(entry: SideEntry): string | null {
  const parsed = parseBracketSponsorKey(entry.key);
  if (!parsed || !isBracketId(parsed.bracketId))
    return 'a sponsor key is <bracket id>:<delegation>';
  if (parsed.delegation.length > MAX_DELEGATION_LENGTH) return 'a delegation name is too long';
  return null;
}

function speaksFor(entry: SideEntry, context: SideTableContext): string | null {
  if (can(context.role, 'removeAnyBracket')) return null;
  const parsed = parseBracketSponsorKey(entry.key);
  if (!can(context.role, 'bracket') || parsed?.delegation !== context.delegation) {
    return 'a delegation joins or leaves a bracket only in its own name';
  }
  return null;
}

export const bracketSponsorRule: SideTableRule = {
  added: (entry, context) =>
    shapeProblem(entry) ??
    (entry.value === true ? null : 'a bracket sponsor is recorded as true') ??
    speaksFor(entry, context),
  removed: (entry, context) => speaksFor(entry, context),
};
