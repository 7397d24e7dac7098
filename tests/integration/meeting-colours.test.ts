import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  delegationKey,
  type AwarenessUser,
  type Invitation,
  type MeetingDetail,
} from '@accord/shared';
import { api, setUpMeeting, type Fixture } from './support/api';
import { connectClient, whenSynced, type Client } from './support/clients';
import { startTestServer, type TestServer } from './support/server';

/** The delegations the old 16-colour hash put in one colour (two pairs). */
const CITED = ['Belize', 'Mexico', 'El Salvador', 'Antigua and Barbuda', 'Brazil', 'Canada'];

describe('delegation colours per meeting', () => {
  let server: TestServer;
  let fixture: Fixture;
  const clients: Client[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      ...Object.fromEntries(
        CITED.map((delegation) => [delegation, { role: 'delegate' as const, delegation }]),
      ),
      belizeAdviser: { role: 'delegate', delegation: 'Belize', name: 'Belize adviser' },
      observer: { role: 'observer', name: 'Lee Grant' },
    });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  const colours = async (token: string) => {
    const answer = await api<MeetingDetail>(
      server.url,
      'GET',
      `/api/meetings/${fixture.meeting.id}`,
      { token },
    );
    expect(answer.status).toBe(200);
    return answer.body.colors;
  };

  it('[O2] GET /api/meetings/:id gives each delegation its own colour, the same to every reader', async () => {
    const seenByObserver = await colours(fixture.people.observer!.token);
    const seenBySecretariat = await colours(server.admin);
    expect(seenByObserver).toEqual(seenBySecretariat);
    const cited = CITED.map((delegation) => seenByObserver[delegationKey(delegation)]);
    expect(cited.every((colour) => /^#[0-9a-f]{6}$/.test(colour ?? ''))).toBe(true);
    expect(new Set(cited).size).toBe(CITED.length);
    // One colour per delegation, not per person; a person without one counts by name.
    expect(Object.keys(seenByObserver).sort()).toEqual(
      [...CITED.map(delegationKey), 'lee grant'].sort(),
    );
  });

  it('[O2] a delegation invited later takes a new colour and moves no one else’s', async () => {
    const before = await colours(server.admin);
    const invited = await api<Invitation>(
      server.url,
      'POST',
      `/api/meetings/${fixture.meeting.id}/participants`,
      { token: server.admin, json: { name: 'Ana Rojas', role: 'delegate', delegation: 'Chile' } },
    );
    expect(invited.status).toBe(201);
    const after = await colours(server.admin);
    expect(after).toMatchObject(before);
    expect(Object.values(before)).not.toContain(after.chile);
  });

  it('[O2] the relay gives each connection its delegation’s meeting colour in awareness', async () => {
    const meeting = await colours(server.admin);
    const connect = (who: string) => {
      const client = connectClient(server.wsUrl, fixture.document.id, fixture.people[who]!.token);
      clients.push(client);
      return client;
    };
    const mexico = connect('Mexico');
    const adviser = connect('belizeAdviser');
    const belize = connect('Belize');
    await Promise.all([mexico, adviser, belize].map(whenSynced));
    for (const client of [adviser, belize])
      client.provider.awareness.setLocalStateField('cursor', null);

    const userOf = (clientId: number) =>
      (mexico.provider.awareness.getStates().get(clientId) as { user?: AwarenessUser } | undefined)
        ?.user;
    await vi.waitFor(() => {
      expect(userOf(belize.doc.clientID)?.color).toBe(meeting.belize);
      expect(userOf(adviser.doc.clientID)?.color).toBe(meeting.belize);
    });
  });
});
