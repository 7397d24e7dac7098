import { readProposal } from '@accord/shared';

/** Why `value` cannot be a `proposal` format value, or null when it can. */
export function proposalFormatProblem(value: unknown): string | null {
  return readProposal(value) ? null : 'a proposal names its kind, id, delegations and participant';
}
