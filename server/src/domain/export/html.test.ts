import { curlQuotes } from '@accord/shared/language-conventions';
import { describe, expect, it } from 'vitest';
import { bracket, doc, heading, operative, title } from '@accord/shared/testing';
import { input, seedDraft, trackedScenario } from './fixtures';
import { delegationClass } from './html';
import { exportDraft } from './index';
import { pandoc, squash } from './readers';

const HOSTILE =
  '<script>alert("x")</script> & \'quoted\' \u200fمرحبا\u200e <img src=x onerror=alert(1)>';

describe('HTML export', () => {
  it('is a standalone page with a print stylesheet, read back in order by pandoc', async () => {
    const { body, contentType } = await exportDraft('html', input(seedDraft()));
    expect(contentType).toBe('text/html; charset=utf-8');
    const html = body.toString('utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|src=/);
    const text = squash(await pandoc(body, 'html'));
    expect(text).toContain(
      '3. To instruct the General Secretariat to support, by: a. Strengthening the institutional framework, in particular;',
    );
    expect(text).toContain('[policies and programs]¹');
    expect(text).toContain('1. Bracketed text proposed by Chile, Perú.');
  });

  it('shows a hostile string as text, never as markup', async () => {
    const content = doc(
      title(HOSTILE),
      heading('RESOLVES:'),
      operative('o1" onclick="x', HOSTILE, bracket([HOSTILE], 'bracketed')),
    );
    const { body } = await exportDraft(
      'html',
      input(content, {
        meeting: { title: HOSTILE },
        document: { id: 'd', title: HOSTILE, createdAt: '2026-01-01' },
      }),
    );
    const html = body.toString('utf8');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('" onclick="');
    const text = await pandoc(body, 'html');
    // The draft's straight quotes print as the language's marks; the rest is kept as text.
    const typed = curlQuotes(HOSTILE, 'en');
    expect(text).toContain(`1. ${typed}[bracketed]`);
    expect(text.split(typed).length + text.split(HOSTILE).length).toBeGreaterThan(4);
  });

  it('marks tracked changes as <ins>/<del> with a class and title per delegation', async () => {
    const scenario = trackedScenario();
    const tracked = {
      comparison: scenario.comparison,
      fromContent: scenario.from,
      fromLabel: 'Zero draft',
    };
    const html = (await exportDraft('html', input(scenario.to, { tracked }))).body.toString('utf8');
    expect(html).toContain(
      '<ins class="delegation-chile" title="Inserted by Chile">continue to </ins>',
    );
    expect(html).toContain(
      '<del class="delegation-mexico" title="Deleted by Mexico">the Internet</del>',
    );
    expect(html).toContain(
      '<del class="delegation-peru" title="Deleted by Peru">Resolution AG/RES. 2089;</del>',
    );
    expect(html).toMatch(/\.delegation-brazil \{ color: #[0-9a-f]{6}; \}/);
    expect(html).toContain('Moved here by Canada (formerly paragraph 4).');
  });

  it('derives safe class names from any delegation name', () => {
    expect(delegationClass('Saint Kitts & Nevis')).toBe('delegation-saint-kitts-nevis');
    expect(delegationClass('Perú')).toBe('delegation-peru');
    expect(delegationClass('"><script>')).toBe('delegation-script');
    expect(delegationClass('مصر')).toBe('delegation-unnamed');
  });
});
