import { describe, expect, it } from 'vitest';
import { ACTIONS, can, PERMISSIONS, ROLES, type Action, type Role } from './roles';

/** SPEC.md "Roles", row by row, as the table prints it. */
const ROLES_TABLE: [readonly Action[], readonly Role[]][] = [
  [
    ['read', 'export'],
    ['admin', 'chair', 'rapporteur', 'delegate', 'observer'],
  ],
  [
    ['edit', 'comment', 'propose', 'bracket'],
    ['admin', 'chair', 'rapporteur', 'delegate'],
  ],
  [
    ['createDocument', 'nameVersion'],
    ['admin', 'chair', 'rapporteur'],
  ],
  [
    ['setStatus', 'removeAnyBracket', 'restore', 'lock'],
    ['admin', 'chair'],
  ],
  [
    ['manageParticipants', 'readAudit'],
    ['admin', 'chair'],
  ],
  [['createMeeting', 'rotateAdminToken'], ['admin']],
];

describe('the permissions table', () => {
  it('[X1] holds every action of the contract, each with exactly the roles the contract gives it', () => {
    expect([...ACTIONS].sort()).toEqual(ROLES_TABLE.flatMap(([actions]) => actions).sort());
    for (const [actions, roles] of ROLES_TABLE) {
      for (const action of actions) {
        for (const role of ROLES)
          expect([action, role, can(role, action)]).toEqual([action, role, roles.includes(role)]);
        expect(PERMISSIONS[action]).toEqual(roles);
      }
    }
  });
});
