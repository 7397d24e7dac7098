import { describe, expect, it } from 'vitest';
import { bracket, doc, operative, title } from '@accord/shared/testing';
import { input, trackedScenario } from './fixtures';
import { exportDraft } from './index';
import { docxPart, pandoc, pdfText, squash, validateAkn } from './readers';

/**
 * The fixed words a tracked export writes for revisions nobody is credited with, and for
 * numbers changed only by renumbering, follow the document's language as the rest of its
 * apparatus does: a Spanish draft's Word revisions must not be signed "Unattributed".
 */

const scenario = trackedScenario();
// Peru's deletion of the second citation, as the update log would give it with no author.
const comparison = {
  ...scenario.comparison,
  paragraphs: scenario.comparison.paragraphs.map((p) =>
    p.paragraphId === 'pre2'
      ? { ...p, spans: p.spans.map(({ kind, text }) => ({ kind, text })) }
      : p,
  ),
};
const tracked = {
  comparison,
  fromContent: scenario.from,
  fromLabel: 'Proyecto cero',
  changedAt: new Date('2026-11-27T15:30:00.000Z'),
};
const spanish = input(scenario.to, { language: 'es', tracked });

/** Each revision's author in document.xml, and the text it carries. */
function authors(xml: string): { author: string; text: string }[] {
  const pattern = /<w:(ins|del) [^>]*w:author="([^"]*)"[^>]*>([^]*?)<\/w:\1>/g;
  return [...xml.matchAll(pattern)].map((m) => ({
    author: m[2] ?? '',
    text: [...(m[3] ?? '').matchAll(/<w:(?:t|delText)[^>]*>([^<]*)</g)].map((t) => t[1]).join(''),
  }));
}

describe('export texts in the document language', () => {
  it('[Y30] a Spanish tracked DOCX signs revisions with no author "Sin atribución" and number changes "Renumeración"', async () => {
    const { body } = await exportDraft('docx', spanish);
    const xml = await docxPart(body, 'word/document.xml');
    const revisions = authors(xml);
    expect(revisions).toContainEqual({
      author: 'Sin atribución',
      text: 'Resolution AG/RES. 2089;',
    });
    expect(revisions).toContainEqual({ author: 'Renumeración', text: '2.' });
    expect(xml).not.toMatch(/w:author="(Unattributed|Renumbering)"/);
    // Word's reader still accepts and rejects them: the deleted citation comes back on reject.
    expect(squash(await pandoc(body, 'docx', 'reject'))).toContain('Resolution AG/RES. 2089;');
  });

  it('[Y31] the Spanish tracked HTML and PDF name the unattributed revision in Spanish, never in English', async () => {
    const html = (await exportDraft('html', spanish)).body.toString('utf8');
    expect(html).toContain('Sin atribución');
    expect(html).not.toMatch(/Unattributed|Renumbering/);
    const pdf = squash(await pdfText((await exportDraft('pdf', spanish)).body));
    expect(pdf).toContain('Sin atribución');
    expect(pdf).not.toMatch(/Unattributed|Renumbering/);
  });

  it('[Y32] a Spanish Akoma Ntoso export titles a bracket with its Spanish note and stays valid', async () => {
    const content = doc(
      title('FORTALECIMIENTO DE LAS MIPYMES'),
      operative(
        'op1',
        'Instar a los Estados Miembros a ',
        bracket(['Chile', 'Perú'], 'apoyar'),
        ';',
      ),
    );
    const { body } = await exportDraft('akn', input(content, { language: 'es' }));
    await validateAkn(body);
    const xml = body.toString('utf8');
    expect(xml).toContain('title="Texto entre corchetes propuesto por Chile, Perú."');
    expect(xml).not.toContain('Bracketed text');
  });
});
