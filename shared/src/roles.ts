/** The roles of a meeting's participants (the secretariat is `admin`). */
export const ROLES = ['admin', 'chair', 'rapporteur', 'delegate', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a participant can be given (the secretariat is not a participant). */
export const PARTICIPANT_ROLES = ['chair', 'rapporteur', 'delegate', 'observer'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** What a role may do (SPEC.md "Roles"). */
export type Action =
  | 'read'
  | 'edit'
  | 'comment'
  | 'bracket'
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
  bracket: WRITERS,
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

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[action].includes(role);
}

export function isParticipantRole(value: unknown): value is ParticipantRole {
  return typeof value === 'string' && (PARTICIPANT_ROLES as readonly string[]).includes(value);
}
