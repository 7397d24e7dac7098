import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { VersionInfo } from '@accord/shared';
import { api, setUpMeeting, type Fixture } from './support/api';
import {
  appendOperative,
  body,
  connectClient,
  operativeText,
  whenSynced,
  type Client,
} from './support/clients';
import { startTestServer, type TestServer } from './support/server';
import { pandoc, pdfText, squash } from '../../server/src/domain/export/readers';

/**
 * Footnotes and annexes in the tracked exports and in the plain text, through the real server:
 * a delegation's reservation typed as a footnote and an annex added since "Zero draft" are
 * revisions in every tracked format, and the txt format prints the note OAS-style ("1/").
 */

const RESERVATION = 'The Delegation of Canada does not join consensus on this paragraph.';

describe('footnotes and annexes in tracked and plain-text exports', () => {
  let server: TestServer;
  let fixture: Fixture;
  let canada: Client;
  let zero: VersionInfo;
  const path = (rest: string) => `/api/documents/${fixture.document.id}${rest}`;
  const download = async (query: string) => {
    const response = await fetch(`${server.url}${path(`/export?${query}`)}`, {
      headers: { authorization: `Bearer ${fixture.people.chair!.token}` },
    });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Belize' },
      canada: { role: 'delegate', delegation: 'Canada' },
    });
    canada = connectClient(server.wsUrl, fixture.document.id, fixture.people.canada!.token);
    await whenSynced(canada);
    appendOperative(canada.doc, 'op-urge', 'To urge member states to act in the region.');
    await vi.waitFor(async () => {
      const text = await download('format=txt');
      expect(text.toString('utf8')).toContain('in the region.');
    });
    zero = (
      await api<VersionInfo>(server.url, 'POST', path('/versions'), {
        token: fixture.people.chair!.token,
        json: { label: 'Zero draft' },
      })
    ).body;
    const urge = operativeText(canada.doc, 'op-urge');
    urge.insert(urge.length, ' Reserved.', { footnote: { id: 'fn-ca', text: RESERVATION } });
    const block = (type: string, text: string) => {
      const element = new Y.XmlElement(type);
      const content = new Y.XmlText();
      content.insert(0, text);
      element.insert(0, [content]);
      return element;
    };
    body(canada.doc).push([
      block('annexHeading', 'ANNEX'),
      block('paragraph', '1. Set up a regional network.'),
    ]);
    await vi.waitFor(async () => {
      expect((await download('format=txt')).toString('utf8')).toContain('regional network');
    });
  });
  afterAll(async () => {
    canada.destroy();
    await server.stop();
  });

  it('[FN7] the plain text prints a footnote OAS-style, "1/" after its anchor and the note at the end, and the annex after its heading', async () => {
    const text = (await download('format=txt')).toString('utf8');
    expect(text).toContain('in the region. Reserved.1/');
    expect(text.trimEnd().endsWith(`1/ ${RESERVATION}`)).toBe(true);
    const annex = text.indexOf('ANNEX\n');
    expect(annex).toBeGreaterThan(text.indexOf('Reserved.1/'));
    expect(text.indexOf('1. Set up a regional network.')).toBeGreaterThan(annex);
    const content = await fetch(`${server.url}${path('/content?format=text')}`, {
      headers: { authorization: `Bearer ${fixture.people.chair!.token}` },
    });
    expect(await content.text()).toBe(text);
  });

  it('[FN8] tracked HTML, Markdown and PDF show a footnote typed since the compared version, and an added annex, as insertions by their delegation', async () => {
    const html = (await download(`format=html&compare=${zero.id}`)).toString('utf8');
    expect(html).toMatch(
      /<ins class="delegation-canada"[^>]*>[^<]*Reserved\.<sup class="footnote-ref"><a href="#note-1">1<\/a><\/sup><\/ins>/,
    );
    // The note is new since the version: listed, and listed as Canada's insertion.
    expect(html).toMatch(
      new RegExp(`<li id="note-1"><ins class="delegation-canada"[^>]*>${RESERVATION}</ins></li>`),
    );
    expect(html).toMatch(/<p class="block note annex-heading block-inserted">/);
    // Word: rejecting every revision gives the text without the note or the annex.
    const docx = await download(`format=docx&compare=${zero.id}`);
    const rejected = squash(await pandoc(docx, 'docx', 'reject'));
    expect(rejected).toContain('in the region.');
    expect(rejected).not.toContain('Reserved');
    expect(rejected).not.toContain(RESERVATION);
    expect(rejected).not.toContain('regional network');
    const accepted = squash(await pandoc(docx, 'docx', 'accept'));
    expect(accepted).toContain('in the region. Reserved.[1]');
    expect(accepted).toContain(`[1] ${RESERVATION}`);

    const md = (await download(`format=md&compare=${zero.id}`)).toString('utf8');
    expect(md).toContain('{++ Reserved.[^1]++}{>>Inserted by Canada<<}');
    expect(md).toContain(`[^1]: {++${RESERVATION}++}{>>Inserted by Canada<<}`);
    expect(md).toContain('{++ANNEX++}{>>Inserted by Canada<<}');

    const pdf = await pdfText(await download(`format=pdf&compare=${zero.id}`));
    expect(squash(pdf)).toContain('Reserved.1');
    expect(squash(pdf)).toContain(`1. ${RESERVATION}`);
    // The annex opens a page of its own.
    const pages = pdf.split('\f').filter((page) => page.trim() !== '');
    expect(pages.some((page) => page.trim().startsWith('ANNEX'))).toBe(true);
  });
});
