import type { SideTableRule } from '../side-tables';

/** Refuses every change until the rules for proposal co-sponsors are written. */
export const proposalSupportRule: SideTableRule = {
  added: () => 'not accepted yet',
  removed: () => 'not accepted yet',
};
