import type { DocLoad } from './types';

/** A load shape; every server gets exactly the same one. */
export interface Scenario {
  id: string;
  title: string;
  docs: DocLoad[];
  /** Seconds of typing by default (overridden by --seconds). */
  seconds: number;
  /** Fraction of the typing window after which the event (storm or join) fires; null: none. */
  eventAt: number | null;
  /** Which latency the table shows: a group's whole window, or its event window. */
  headline: { group: string; window: 'all' | 'event' };
}

const room = (group: string, writers: number, readers: number): DocLoad => ({
  group,
  writers,
  readers,
  joiners: 0,
  seedBytes: 0,
  storm: false,
});

const steady = (writers: number, readers: number, seconds: number): Scenario => ({
  id: `${writers}x${readers}`,
  title: `${writers} writers + ${readers} readers, one document`,
  docs: [room('room', writers, readers)],
  seconds,
  eventAt: null,
  headline: { group: 'room', window: 'all' },
});

/** A document with one hostile socket in it; latency is measured in another (5 + 20). */
const underAttack = (
  id: string,
  title: string,
  attacked: DocLoad,
  hostile: NonNullable<DocLoad['hostile']>,
): Scenario => ({
  id,
  title,
  docs: [{ ...attacked, hostile }, room('other', 5, 20)],
  seconds: 8,
  eventAt: null,
  headline: { group: 'other', window: 'all' },
});

export const SCENARIOS: Scenario[] = [
  steady(10, 40, 8),
  steady(30, 170, 8),
  steady(40, 260, 8),
  {
    id: '20docs',
    title: '20 documents × (10 writers + 40 readers), 1,000 connections',
    docs: Array.from({ length: 20 }, () => room('rooms', 10, 40)),
    seconds: 8,
    eventAt: null,
    headline: { group: 'rooms', window: 'all' },
  },
  {
    id: 'storm',
    title:
      'reconnect storm: 200 clients (10 writing) drop and return at once; latency in another document',
    docs: [{ ...room('storm', 10, 190), storm: true }, room('other', 5, 20)],
    seconds: 8,
    eventAt: 0.3,
    headline: { group: 'other', window: 'event' },
  },
  {
    id: 'large',
    title: '~2 MB document: 50 clients join at once while 10 type (5 readers watch)',
    docs: [{ ...room('large', 10, 5), joiners: 50, seedBytes: 2_000_000 }],
    seconds: 8,
    eventAt: 0.3,
    headline: { group: 'large', window: 'all' },
  },
  {
    id: 'negotiation',
    title:
      "30 writers + 170 readers negotiating: brackets placed and lifted, comments, proposals, the chair's statuses",
    docs: [{ ...room('room', 30, 170), negotiation: true }],
    seconds: 8,
    eventAt: null,
    headline: { group: 'room', window: 'all' },
  },
  underAttack(
    'flood',
    'one socket sends 5,000 messages a second into a document; latency in another document',
    room('flooded', 2, 3),
    { kind: 'flood', perSecond: 5000 },
  ),
  underAttack(
    'step1',
    'distinct sync-step-1 requests, 20 a second, on a ~2 MB document; latency in another document',
    { ...room('asked', 2, 3), seedBytes: 2_000_000 },
    { kind: 'step1', perSecond: 20 },
  ),
];

/**
 * The scenarios asked for, in order. `negotiation` brings the plain 30 + 170 row with it (first),
 * so that one run compares the relay with and without negotiation traffic.
 */
export function findScenarios(ids: string[] | null): Scenario[] {
  if (!ids) return SCENARIOS;
  if (ids.includes('negotiation') && !ids.includes('30x170')) ids = ['30x170', ...ids];
  return ids.map((id) => {
    const found = SCENARIOS.find((s) => s.id === id);
    if (!found)
      throw new RangeError(
        `unknown scenario "${id}"; known: ${SCENARIOS.map((s) => s.id).join(', ')}`,
      );
    return found;
  });
}
