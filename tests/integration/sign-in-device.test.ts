import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_PATH, CloseCode, type Invitation, type SessionInfo } from '@accord/shared';
import { api, setUpMeeting, type Fixture } from './support/api';
import {
  appendOperative,
  blockTexts,
  connectClient,
  whenSynced,
  type Client,
} from './support/clients';
import { startTestServer, type TestServer } from './support/server';

/** The `name=value` of the device cookie an answer sets (its first `Set-Cookie`). */
function setCookie(headers: Headers): string {
  const [first] = headers.getSetCookie();
  if (!first) throw new Error('no Set-Cookie');
  return first;
}

const pair = (cookie: string) => cookie.split(';')[0]!;

/** A request as a browser tab signed in by its cookie makes it: no Authorization header. */
async function withCookie<T = unknown>(
  server: TestServer,
  method: string,
  path: string,
  cookie: string,
  options: { origin?: string; json?: unknown } = {},
) {
  const headers: Record<string, string> = { cookie };
  if (options.origin) headers.origin = options.origin;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
  });
  const text = await response.text();
  const body = (
    text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text
  ) as T;
  return { status: response.status, body, headers: response.headers };
}

describe('sign-in kept on a device (cookie)', () => {
  let server: TestServer;
  let fixture: Fixture;
  const clients: Client[] = [];
  const providers: { provider: WebsocketProvider; doc: Y.Doc }[] = [];

  beforeEach(async () => {
    server = await startTestServer({ config: { trustProxy: 'loopback' } });
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair' },
      chile: { role: 'delegate', delegation: 'Chile' },
    });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const { provider, doc } of providers.splice(0)) {
      provider.destroy();
      doc.destroy();
    }
    await server.stop();
  });

  /** What the browser app does when opened from an invitation link. */
  const exchange = (token: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/session/device`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...headers },
    });

  /** A stock provider whose socket carries only the cookie, as a browser tab's does. */
  function cookieProvider(cookie: string) {
    class CookieSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie, origin: server.url } });
      }
    }
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(
      `${server.wsUrl}${COLLAB_PATH}`,
      fixture.document.id,
      doc,
      {
        WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        maxBackoffTime: 200,
      },
    );
    const closes: number[] = [];
    provider.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });
    providers.push({ provider, doc });
    return { provider, doc, closes };
  }

  it('[SG1] opening an invitation sets an HttpOnly, SameSite=Strict cookie for the whole site, Secure when the request came over TLS, ending with the invitation', async () => {
    const plain = await exchange(fixture.people.chile!.token);
    expect(plain.status).toBe(204);
    const cookie = setCookie(plain.headers);
    expect(cookie).toMatch(/^accord_device=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');

    // Behind a trusted proxy that terminated TLS.
    const proxied = await exchange(fixture.people.chile!.token, { 'x-forwarded-proto': 'https' });
    expect(setCookie(proxied.headers)).toContain('Secure');

    // An invitation with an expiry: the cookie ends with it.
    const expiresAt = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    expiresAt.setUTCMilliseconds(0);
    const invited = await api<Invitation>(
      server.url,
      'POST',
      `/api/meetings/${fixture.meeting.id}/participants`,
      {
        token: server.admin,
        json: {
          name: 'Peru',
          role: 'delegate',
          delegation: 'Peru',
          expiresAt: expiresAt.toISOString(),
        },
      },
    );
    expect(invited.status).toBe(201);
    const expiring = setCookie((await exchange(invited.body.token)).headers);
    expect(expiring).toContain(`Expires=${expiresAt.toUTCString()}`);

    // Without a valid link, nothing is set.
    const refused = await exchange('x'.repeat(43));
    expect(refused.status).toBe(401);
    expect(refused.headers.getSetCookie()).toEqual([]);
  });

  it('[SG2] the cookie alone signs in the API and the relay (a new tab, a colleague’s document URL), and the link’s token still works beside it', async () => {
    const cookie = pair(setCookie((await exchange(fixture.people.chile!.token)).headers));
    const session = await withCookie<SessionInfo>(server, 'GET', '/api/session', cookie);
    expect(session.status).toBe(200);
    expect(session.body.participant?.delegation).toBe('Chile');
    expect(
      (await withCookie(server, 'GET', `/api/documents/${fixture.document.id}`, cookie)).status,
    ).toBe(200);

    const tab = cookieProvider(cookie);
    await new Promise<void>((resolve) => tab.provider.once('sync', () => resolve()));
    const chair = connectClient(server.wsUrl, fixture.document.id, fixture.people.chair!.token);
    clients.push(chair);
    await whenSynced(chair);
    appendOperative(tab.doc, 'op-chile', 'Chile, signed in on this device.');
    await vi.waitFor(() =>
      expect(blockTexts(chair.doc)).toContain('Chile, signed in on this device.'),
    );
    appendOperative(chair.doc, 'op-chair', 'The chair answers.');
    await vi.waitFor(() => expect(blockTexts(tab.doc)).toContain('The chair answers.'));
    expect(tab.closes).toEqual([]);

    // The bearer header and ?token= work as before; a header decides over the cookie.
    expect(
      (await api(server.url, 'GET', '/api/session', { token: fixture.people.chile!.token })).status,
    ).toBe(200);
    const headerWins = await fetch(`${server.url}/api/session`, {
      headers: { cookie, authorization: `Bearer ${fixture.people.chair!.token}` },
    });
    expect(((await headerWins.json()) as SessionInfo).role).toBe('chair');
  });

  it('[SG3] a request that changes something with only the cookie must come from our own pages (Origin); otherwise 403 origin_refused and nothing changes', async () => {
    const cookie = pair(setCookie((await exchange(fixture.people.chair!.token)).headers));
    const path = `/api/meetings/${fixture.meeting.id}/participants`;
    const invite = { name: 'Mexico', role: 'delegate', delegation: 'Mexico' };
    const count = async () =>
      (await api<unknown[]>(server.url, 'GET', path, { token: server.admin })).body.length;
    const before = await count();

    const noOrigin = await withCookie<{ error: { code: string } }>(server, 'POST', path, cookie, {
      json: invite,
    });
    expect(noOrigin.status).toBe(403);
    expect(noOrigin.body.error.code).toBe('origin_refused');
    const foreign = await withCookie<{ error: { code: string } }>(server, 'POST', path, cookie, {
      json: invite,
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('origin_refused');
    expect(await count()).toBe(before);

    const ours = await withCookie(server, 'POST', path, cookie, {
      json: invite,
      origin: server.url,
    });
    expect(ours.status).toBe(201);
    expect(await count()).toBe(before + 1);
    // Reading needs no Origin.
    expect((await withCookie(server, 'GET', path, cookie)).status).toBe(200);
  });

  it('[SG4] "Clear this device" clears the cookie over HTTP: the device is signed out', async () => {
    const cookie = pair(setCookie((await exchange(fixture.people.chile!.token)).headers));
    const cleared = await withCookie(server, 'DELETE', '/api/session/device', cookie, {
      origin: server.url,
    });
    expect(cleared.status).toBe(204);
    const removal = setCookie(cleared.headers);
    expect(removal).toMatch(/^accord_device=;/);
    expect(removal).toContain('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
    // What the browser holds afterwards: no cookie, so no sign-in.
    const session = await fetch(`${server.url}/api/session`);
    expect(session.status).toBe(401);
  });

  it('[SG5] revoking or re-issuing a link ends its devices’ sign-in at once: open sockets closed with 4401, the API answers 401 and clears the cookie', async () => {
    const chileCookie = pair(setCookie((await exchange(fixture.people.chile!.token)).headers));
    const tab = cookieProvider(chileCookie);
    await new Promise<void>((resolve) => tab.provider.once('sync', () => resolve()));

    const revoked = await api(
      server.url,
      'DELETE',
      `/api/meetings/${fixture.meeting.id}/participants/${fixture.people.chile!.id}`,
      { token: fixture.people.chair!.token },
    );
    expect(revoked.status).toBe(204);
    await vi.waitFor(() => expect(tab.closes).toContain(CloseCode.unauthorized), { timeout: 1000 });
    const after = await withCookie(server, 'GET', '/api/session', chileCookie);
    expect(after.status).toBe(401);
    expect(setCookie(after.headers)).toMatch(/^accord_device=;/);

    // Re-issued: the old link's cookie stops working, the new link's works.
    const chairCookie = pair(setCookie((await exchange(fixture.people.chair!.token)).headers));
    const reissued = await api<Invitation>(
      server.url,
      'POST',
      `/api/meetings/${fixture.meeting.id}/participants/${fixture.people.chair!.id}/token`,
      { token: server.admin },
    );
    expect(reissued.status).toBe(200);
    expect((await withCookie(server, 'GET', '/api/session', chairCookie)).status).toBe(401);
    const fresh = pair(setCookie((await exchange(reissued.body.token)).headers));
    expect((await withCookie(server, 'GET', '/api/session', fresh)).status).toBe(200);
  });
});
