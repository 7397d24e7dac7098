/** The roles of a meeting's participants (the secretariat is `admin`). */
export const ROLES = ['admin', 'chair', 'rapporteur', 'delegate', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a participant can be given (the secretariat is not a participant). */
export const PARTICIPANT_ROLES = ['chair', 'rapporteur', 'delegate', 'observer'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/**
 * What a role may do (SPEC.md "Roles"), one name per row of the table:
 *
 * - `read`: documents, versions, comparisons, the meeting and its document list;
 * - `edit`, `comment`, `propose` (an alternative paragraph), `bracket` (text for one's own
 *   delegation): the writers;
 * - `export`: everyone who reads;
 * - `createDocument` (from a template or an import), `nameVersion`: the drafters;
 * - `setStatus`, `removeAnyBracket`, `restore`, `lock` (and unlock), `manageParticipants`,
 *   `readAudit`: the chairs;
 * - `createMeeting`, `rotateAdminToken`: the secretariat alone.
 */
export type Action =
  | 'read'
  | 'edit'
  | 'comment'
  | 'propose'
  | 'bracket'
  | 'export'
  | 'createDocument'
  | 'nameVersion'
  | 'setStatus'
  | 'removeAnyBracket'
  | 'restore'
  | 'lock'
  | 'manageParticipants'
  | 'readAudit'
  | 'createMeeting'
  | 'rotateAdminToken';

const ALL: readonly Role[] = ROLES;
const WRITERS: readonly Role[] = ['admin', 'chair', 'rapporteur', 'delegate'];
const DRAFTERS: readonly Role[] = ['admin', 'chair', 'rapporteur'];
const CHAIRS: readonly Role[] = ['admin', 'chair'];
const ADMIN: readonly Role[] = ['admin'];

/** The one permission table; the server consults it for every request and message. */
export const PERMISSIONS: Readonly<Record<Action, readonly Role[]>> = {
  read: ALL,
  edit: WRITERS,
  comment: WRITERS,
  propose: WRITERS,
  bracket: WRITERS,
  export: ALL,
  createDocument: DRAFTERS,
  nameVersion: DRAFTERS,
  setStatus: CHAIRS,
  removeAnyBracket: CHAIRS,
  restore: CHAIRS,
  lock: CHAIRS,
  manageParticipants: CHAIRS,
  readAudit: CHAIRS,
  createMeeting: ADMIN,
  rotateAdminToken: ADMIN,
};

/** Every action of the table, in the table's order. */
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[action].includes(role);
}

export function isParticipantRole(value: unknown): value is ParticipantRole {
  return typeof value === 'string' && (PARTICIPANT_ROLES as readonly string[]).includes(value);
}
