import type { TFunction } from 'i18next';
import type * as Y from 'yjs';
import { decidesProposals, editsDirectly } from '@accord/shared/proposals';
import { ROLES, type Role } from '@accord/shared/roles';
import { delegationColour } from '../collab/delegationColour';
import { ParagraphModes, paragraphModeAt } from './paragraphModes';
import { Proposing } from './proposing';

/**
 * The editor's proposal extensions, configured for one user: proposing (switched on by the
 * panel, and by itself in a paragraph the chair put in a mode where this user may only
 * propose) and the badges of paragraphs with a mode of their own.
 */
export function proposalExtensions({
  doc,
  user,
  t,
}: {
  doc: Y.Doc;
  user: { participant: string; delegation: string | null; role: string };
  t: TFunction;
}) {
  const role: Role = (ROLES as readonly string[]).includes(user.role)
    ? (user.role as Role)
    : 'observer';
  return [
    Proposing.configure({
      proposer: { participant: user.participant, delegation: user.delegation },
      colourOf: (delegation) => delegationColour(delegation),
      describe: (p) => t('proposals.hover', { delegations: p.delegations.join(', ') }),
      forcedAt: (state) => {
        if (decidesProposals(role)) return false;
        const mode = paragraphModeAt(doc, state);
        return mode !== null && !editsDirectly(role, mode);
      },
    }),
    ParagraphModes.configure({
      doc,
      label: (mode) => t(`proposals.paragraphBadge.${mode}`),
    }),
  ];
}
