import { decidesProposals } from '@accord/shared';
import type { SideEntry, SideTableContext, SideTableRule } from '../side-tables';

/**
 * Co-sponsors of proposals: `<proposal id>:<delegation>` → `true`, one key per supporting
 * delegation, so two delegations supporting at the same moment both stay (a mark attribute would
 * keep only the last writer). A participant supports, or stops supporting, in its own
 * delegation's name only; the chair may also remove any supporter (when it decides a proposal).
 * Whether the proposal exists is not asked: a supporter of a proposal that is gone names nothing
 * and is never shown.
 */

const MAX_KEY = 400;

function delegationOf(key: string): string | null {
  const colon = key.lastIndexOf(':');
  if (colon <= 0 || colon === key.length - 1 || key.length > MAX_KEY) return null;
  return key.slice(colon + 1);
}

export const proposalSupportRule: SideTableRule = {
  added(entry: SideEntry, context: SideTableContext) {
    const delegation = delegationOf(entry.key);
    if (delegation === null) return 'a supporter is keyed <proposal id>:<delegation>';
    if (entry.value !== true) return 'a supporter entry holds true';
    if (delegation !== context.delegation) return `only ${delegation} may support in its name`;
    return null;
  },
  removed(entry: SideEntry, context: SideTableContext) {
    if (decidesProposals(context.role)) return null;
    const delegation = delegationOf(entry.key);
    if (delegation !== null && delegation === context.delegation) return null;
    return `only ${String(delegation)} or the chair may withdraw its support`;
  },
};
