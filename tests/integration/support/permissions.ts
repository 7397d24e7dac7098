import {
  can,
  PARTICIPANT_ROLES,
  type Action,
  type Invitation,
  type ParticipantRole,
  type Role,
  type VersionInfo,
} from '@accord/shared';
import { api, setUpMeeting, type ApiAnswer } from './api';

/**
 * The permissions walk: every identity a request can carry, every HTTP route of the contract
 * that exists today, and the answer the permissions table (`@accord/shared` roles) expects —
 * never a status written by hand per test.
 *
 * No "expired" identity yet: participants have no expiry today. When invitations gain one,
 * add an `expired` identity answered like `revoked`.
 */
export type Identity =
  | { name: 'admin'; role: 'admin' }
  | { name: ParticipantRole; role: ParticipantRole }
  /** A delegate whose link was revoked. */
  | { name: 'revoked' }
  /** The chair of another meeting: the strongest token that must still be kept out. */
  | { name: 'other-meeting chair'; role: 'chair'; otherMeeting: true };

export const IDENTITIES: readonly Identity[] = [
  { name: 'admin', role: 'admin' },
  ...PARTICIPANT_ROLES.map((role) => ({ name: role, role })),
  { name: 'revoked' },
  { name: 'other-meeting chair', role: 'chair', otherMeeting: true },
];

/** What one route reaches: everything, one meeting, or one document. */
export type Scope = 'global' | 'meeting' | 'document';

/** A meeting set up afresh for one request, so that an allowed change touches nothing else. */
export interface World {
  meetingId: string;
  documentId: string;
  /** A named version of the document. */
  versionId: string;
  /** A delegate the participant routes act on. */
  victim: Invitation;
  tokens: Record<ParticipantRole | 'revoked', string>;
}

export interface Walk {
  baseUrl: string;
  /** The secretariat's token (it changes when the walk rotates it). */
  admin: string;
  /** A chair of a meeting the worlds are not part of. */
  otherMeetingChair: string;
}

export interface RouteCase {
  method: 'GET' | 'POST' | 'DELETE';
  /** The contract's path, for messages. */
  path: string;
  action: Action;
  scope: Scope;
  /** The status of an allowed request. */
  ok: number;
  /** Whether an allowed request changes what is stored. */
  changes: boolean;
  request(world: World): {
    path: string;
    json?: unknown;
    body?: string;
    type?: string;
  };
  /** Brings the world to the state the route acts on (e.g. a locked document to unlock). */
  prepare?(walk: Walk, world: World): Promise<void>;
}

const m = (w: World) => `/api/meetings/${w.meetingId}`;
const d = (w: World) => `/api/documents/${w.documentId}`;

export const ROUTES: readonly RouteCase[] = [
  {
    method: 'POST',
    path: '/api/meetings',
    action: 'createMeeting',
    scope: 'global',
    ok: 201,
    changes: true,
    request: () => ({ path: '/api/meetings', json: { title: 'Second ministerial meeting' } }),
  },
  {
    method: 'GET',
    path: '/api/meetings',
    action: 'read',
    scope: 'global',
    ok: 200,
    changes: false,
    request: () => ({ path: '/api/meetings' }),
  },
  {
    method: 'GET',
    path: '/api/session',
    action: 'read',
    scope: 'global',
    ok: 200,
    changes: false,
    request: () => ({ path: '/api/session' }),
  },
  {
    method: 'POST',
    path: '/api/admin/token',
    action: 'rotateAdminToken',
    scope: 'global',
    ok: 200,
    changes: true,
    request: () => ({ path: '/api/admin/token' }),
  },
  {
    method: 'GET',
    path: '/api/meetings/:id',
    action: 'read',
    scope: 'meeting',
    ok: 200,
    changes: false,
    request: (w) => ({ path: m(w) }),
  },
  {
    method: 'POST',
    path: '/api/meetings/:id/participants',
    action: 'manageParticipants',
    scope: 'meeting',
    ok: 201,
    changes: true,
    request: (w) => ({
      path: `${m(w)}/participants`,
      json: { name: 'Minister of Peru', role: 'delegate', delegation: 'Peru' },
    }),
  },
  {
    method: 'GET',
    path: '/api/meetings/:id/participants',
    action: 'manageParticipants',
    scope: 'meeting',
    ok: 200,
    changes: false,
    request: (w) => ({ path: `${m(w)}/participants` }),
  },
  {
    method: 'DELETE',
    path: '/api/meetings/:id/participants/:pid',
    action: 'manageParticipants',
    scope: 'meeting',
    ok: 204,
    changes: true,
    request: (w) => ({ path: `${m(w)}/participants/${w.victim.id}` }),
  },
  {
    method: 'POST',
    path: '/api/meetings/:id/participants/:pid/token',
    action: 'manageParticipants',
    scope: 'meeting',
    ok: 200,
    changes: true,
    request: (w) => ({ path: `${m(w)}/participants/${w.victim.id}/token` }),
  },
  {
    method: 'GET',
    path: '/api/meetings/:id/audit',
    action: 'readAudit',
    scope: 'meeting',
    ok: 200,
    changes: false,
    request: (w) => ({ path: `${m(w)}/audit` }),
  },
  {
    method: 'POST',
    path: '/api/meetings/:id/documents',
    action: 'createDocument',
    scope: 'meeting',
    ok: 201,
    changes: true,
    request: (w) => ({
      path: `${m(w)}/documents`,
      json: { templateId: 'blank-oas-resolution', title: 'Second draft' },
    }),
  },
  {
    method: 'POST',
    path: '/api/meetings/:id/documents/import',
    action: 'createDocument',
    scope: 'meeting',
    ok: 201,
    changes: true,
    request: (w) => ({
      path: `${m(w)}/documents/import?title=Imported`,
      body: 'The ministers agree to support small enterprises.',
      type: 'text/plain',
    }),
  },
  {
    method: 'GET',
    path: '/api/documents/:id',
    action: 'read',
    scope: 'document',
    ok: 200,
    changes: false,
    request: (w) => ({ path: d(w) }),
  },
  {
    method: 'GET',
    path: '/api/documents/:id/content',
    action: 'read',
    scope: 'document',
    ok: 200,
    changes: false,
    request: (w) => ({ path: `${d(w)}/content?format=text` }),
  },
  {
    method: 'GET',
    path: '/api/documents/:id/versions',
    action: 'read',
    scope: 'document',
    ok: 200,
    changes: false,
    request: (w) => ({ path: `${d(w)}/versions` }),
  },
  {
    method: 'POST',
    path: '/api/documents/:id/versions',
    action: 'nameVersion',
    scope: 'document',
    ok: 201,
    changes: true,
    request: (w) => ({ path: `${d(w)}/versions`, json: { label: 'After the coffee break' } }),
  },
  {
    method: 'GET',
    path: '/api/documents/:id/diff',
    action: 'read',
    scope: 'document',
    ok: 200,
    changes: false,
    request: (w) => ({ path: `${d(w)}/diff?from=${w.versionId}&to=current` }),
  },
  {
    method: 'POST',
    path: '/api/documents/:id/versions/:vid/restore',
    action: 'restore',
    scope: 'document',
    ok: 201,
    changes: true,
    request: (w) => ({ path: `${d(w)}/versions/${w.versionId}/restore` }),
  },
  {
    method: 'GET',
    path: '/api/documents/:id/export',
    action: 'export',
    scope: 'document',
    ok: 200,
    changes: false,
    request: (w) => ({ path: `${d(w)}/export?format=txt` }),
  },
  {
    method: 'POST',
    path: '/api/documents/:id/lock',
    action: 'lock',
    scope: 'document',
    ok: 200,
    changes: true,
    request: (w) => ({ path: `${d(w)}/lock` }),
  },
  {
    method: 'POST',
    path: '/api/documents/:id/unlock',
    action: 'lock',
    scope: 'document',
    ok: 200,
    changes: true,
    request: (w) => ({ path: `${d(w)}/unlock` }),
    prepare: async (walk, w) => {
      const locked = await api(walk.baseUrl, 'POST', `${d(w)}/lock`, { token: walk.admin });
      if (locked.status !== 200) throw new Error(`lock: ${locked.status}`);
    },
  },
];

/** The role an identity acts with, or null for a token that must not be recognised. */
function roleOf(identity: Identity): Role | null {
  return 'role' in identity ? identity.role : null;
}

/**
 * What the table says a request must get: 401 for a token the server must not recognise, 403
 * for a role the table refuses or a meeting the token has no part in, else the route's success.
 */
export function expectedStatus(route: RouteCase, identity: Identity): number {
  const role = roleOf(identity);
  if (role === null) return 401;
  if ('otherMeeting' in identity && route.scope !== 'global') return 403;
  return can(role, route.action) ? route.ok : 403;
}

/** Whether the table lets this identity do `action` in the world's meeting. */
export function allowedInWorld(action: Action, identity: Identity): boolean {
  const role = roleOf(identity);
  return role !== null && !('otherMeeting' in identity) && can(role, action);
}

export function tokenOf(walk: Walk, world: World, identity: Identity): string {
  if (identity.name === 'admin') return walk.admin;
  if (identity.name === 'other-meeting chair') return walk.otherMeetingChair;
  return world.tokens[identity.name];
}

/** A meeting with one participant per role, a revoked delegate, a victim, a document and a version. */
export async function setUpWorld(walk: Walk): Promise<World> {
  const fixture = await setUpMeeting(walk.baseUrl, walk.admin, {
    chair: { role: 'chair', delegation: 'Belize' },
    rapporteur: { role: 'rapporteur', delegation: 'Jamaica' },
    delegate: { role: 'delegate', delegation: 'Chile' },
    observer: { role: 'observer', delegation: 'Spain' },
    revoked: { role: 'delegate', delegation: 'Mexico' },
    victim: { role: 'delegate', delegation: 'Uruguay' },
  });
  const people = fixture.people;
  const meetingId = fixture.meeting.id;
  const revoked = await api(
    walk.baseUrl,
    'DELETE',
    `/api/meetings/${meetingId}/participants/${people.revoked!.id}`,
    { token: walk.admin },
  );
  if (revoked.status !== 204) throw new Error(`revoke: ${revoked.status}`);
  const version = await api<VersionInfo>(
    walk.baseUrl,
    'POST',
    `/api/documents/${fixture.document.id}/versions`,
    { token: walk.admin, json: { label: 'Opening text' } },
  );
  if (version.status !== 201) throw new Error(`version: ${version.status}`);
  return {
    meetingId,
    documentId: fixture.document.id,
    versionId: version.body.id,
    victim: people.victim!,
    tokens: {
      chair: people.chair!.token,
      rapporteur: people.rapporteur!.token,
      delegate: people.delegate!.token,
      observer: people.observer!.token,
      revoked: people.revoked!.token,
    },
  };
}

/**
 * Everything a request could have changed, read back by the secretariat: the meetings, the
 * world's meeting with its documents and participants, the document, its versions and text,
 * and whether the victim's link still works (a re-issued or revoked link stops working).
 */
export async function snapshot(walk: Walk, world: World): Promise<Record<string, unknown>> {
  const read = async (path: string, token = walk.admin) => {
    const answer: ApiAnswer = await api(walk.baseUrl, 'GET', path, { token });
    return { status: answer.status, body: answer.body };
  };
  return {
    meetings: await read('/api/meetings'),
    meeting: await read(`/api/meetings/${world.meetingId}`),
    participants: await read(`/api/meetings/${world.meetingId}/participants`),
    document: await read(`/api/documents/${world.documentId}`),
    versions: await read(`/api/documents/${world.documentId}/versions`),
    text: await read(`/api/documents/${world.documentId}/content?format=text`),
    victim: (await read('/api/session', world.victim.token)).status,
  };
}

/** The error body every refusal carries (SPEC.md "Conventions"). */
function isErrorBody(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = body.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/**
 * Sends one route's request as every identity and returns each cell off the table: a status
 * the table does not give, a refusal without the error body, or a refusal that changed
 * something. An empty list means the route keeps to the table.
 */
export async function walkRoute(walk: Walk, route: RouteCase): Promise<string[]> {
  const offTable: string[] = [];
  let shared: World | null = null;
  for (const identity of IDENTITIES) {
    // A route that changes things gets a fresh world per identity; readers share one.
    const world: World = route.changes || !shared ? await setUpWorld(walk) : shared;
    if (!route.changes) shared = world;
    await route.prepare?.(walk, world);
    const expected = expectedStatus(route, identity);
    const before = expected === route.ok ? null : await snapshot(walk, world);
    const { path, ...options } = route.request(world);
    const answer = await api(walk.baseUrl, route.method, path, {
      token: tokenOf(walk, world, identity),
      ...options,
    });
    const cell = `${route.method} ${route.path} as ${identity.name}`;
    if (answer.status !== expected) {
      offTable.push(`${cell}: expected ${expected}, got ${answer.status}`);
    }
    if (route.action === 'rotateAdminToken' && answer.status === 200) {
      walk.admin = (answer.body as { token: string }).token;
    }
    if (before) {
      if (!isErrorBody(answer.body)) offTable.push(`${cell}: refusal without an error body`);
      const after = await snapshot(walk, world);
      const changed = Object.keys(before).filter(
        (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
      );
      if (changed.length > 0) offTable.push(`${cell}: refused, yet changed ${changed.join(', ')}`);
    }
  }
  return offTable;
}
