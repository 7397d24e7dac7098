import type { SideTableRule } from '../side-tables';

/** Refuses every change until the rules for comment threads are written. */
export const commentRule: SideTableRule = {
  added: () => 'not accepted yet',
  removed: () => 'not accepted yet',
};
