import type { SideTableRule } from '../side-tables';

/** Refuses every change until the rules for bracket sponsors are written. */
export const bracketSponsorRule: SideTableRule = {
  added: () => 'not accepted yet',
  removed: () => 'not accepted yet',
};
