import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Document, FootnoteReferenceRun, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { nodeText, type NodeJSON } from '@accord/shared';
import { annexParts } from '@accord/shared/schema/index';
import { draftToText } from '@accord/shared/text';
import { DOCX_TYPE, importDraft, type ImportedDraft } from './index';

/**
 * Imports of resolutions in the four languages of the OAS, in OAS and UN style, with their
 * footnotes (delegations' reservations) and an annex (a plan of action): exact counts of each
 * part, as a secretariat officer would check them against the original.
 */

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`fixtures/${name}`, import.meta.url)));

interface Counts {
  preambular: number;
  operative: number;
  subparagraph: number;
  footnotes: number;
  annexItems: number;
}

/** What a reader counts in an imported draft; annex items are the annex's non-heading blocks. */
function counts(content: NodeJSON): Counts {
  const blocks = content.content ?? [];
  const types = blocks.map((b) => b.type);
  const annexes = annexParts(types);
  const inAnnex = new Set(annexes.flatMap((a) => a.blocks));
  const outside = blocks.filter((_, i) => !inAnnex.has(i) && !annexes.some((a) => a.heading === i));
  const notes = new Set(
    blocks.flatMap((b) =>
      (b.content ?? []).flatMap((n) =>
        (n.marks ?? []).filter((m) => m.type === 'footnote').map((m) => String(m.attrs?.id)),
      ),
    ),
  );
  return {
    preambular: outside.filter((b) => b.type === 'preambular').length,
    operative: outside.filter((b) => b.type === 'operative').length,
    subparagraph: outside.filter((b) => b.type === 'subparagraph').length,
    footnotes: notes.size,
    annexItems: annexes.flatMap((a) => a.blocks).filter((i) => blocks[i]?.type === 'paragraph')
      .length,
  };
}

/** The note texts by the words they are anchored to. */
function footnotes(content: NodeJSON): { anchor: string; text: string }[] {
  return (content.content ?? []).flatMap((b) =>
    (b.content ?? []).flatMap((n) =>
      (n.marks ?? [])
        .filter((m) => m.type === 'footnote')
        .map((m) => ({ anchor: n.text ?? '', text: String(m.attrs?.text) })),
    ),
  );
}

const byType = (content: NodeJSON, type: string) =>
  (content.content ?? []).filter((b) => b.type === type).map(nodeText);

async function imported(name: string, contentType: string): Promise<ImportedDraft> {
  return importDraft({ contentType, body: fixture(name) });
}

describe('imports in Spanish, French and Portuguese', () => {
  it('[I4] an OAS Spanish resolution: VISTOS, CONSIDERANDO, RESUELVE, "a)" sub-paragraphs, a reservation and an annex', async () => {
    const draft = await imported('oas-es-reservation.txt', 'text/plain');
    expect(draft.style).toBe('oas');
    expect(draft.language).toBe('es');
    expect(counts(draft.content)).toEqual({
      preambular: 6,
      operative: 3,
      subparagraph: 3,
      footnotes: 1,
      annexItems: 3,
    });
    expect(byType(draft.content, 'organ')).toEqual(['LA ASAMBLEA GENERAL,']);
    expect(byType(draft.content, 'leadHeading').slice(0, 3)).toEqual([
      'VISTOS:',
      'CONSIDERANDO:',
      'RESUELVE:',
    ]);
    expect(draft.title).toBe('FORTALECIMIENTO DE LAS MICRO, PEQUEÑAS Y MEDIANAS EMPRESAS');
    const text = draftToText(draft.content, draft.style);
    expect(text).toContain('\n\n    c. La promoción del comercio electrónico;\n\n3. Solicitar');
  });

  it('[I4] a UN French resolution in Markdown: Rappelant, Considérant, Décide, "(a)" and an annex', async () => {
    const draft = await imported('un-fr-footnotes.md', 'text/markdown');
    expect(draft.style).toBe('un');
    expect(draft.language).toBe('fr');
    expect(counts(draft.content)).toEqual({
      preambular: 4,
      operative: 3,
      subparagraph: 2,
      footnotes: 2,
      annexItems: 2,
    });
    expect(byType(draft.content, 'organ')).toEqual(["L'Assemblée générale,"]);
    expect(byType(draft.content, 'annexHeading')).toEqual(['Annexe']);
  });

  it('[I4] an OAS Portuguese resolution pasted without blank lines: A ASSEMBLEIA GERAL, RESOLVE and "a." sub-paragraphs', async () => {
    const draft = await imported('oas-pt-reservation.txt', 'text/plain');
    expect(draft.style).toBe('oas');
    expect(draft.language).toBe('pt');
    expect(counts(draft.content)).toEqual({
      preambular: 4,
      operative: 3,
      subparagraph: 2,
      footnotes: 1,
      annexItems: 2,
    });
    expect(byType(draft.content, 'organ')).toEqual(['A ASSEMBLEIA GERAL,']);
    expect(byType(draft.content, 'leadHeading')).toContain('RESOLVE:');
  });

  it('[I4] a UN Spanish preamble: Recordando, Teniendo presente, Reconociendo, then Decide and Solicita', async () => {
    const draft = await imported('un-es-preamble.txt', 'text/plain');
    expect(draft.style).toBe('un');
    expect(draft.language).toBe('es');
    expect(counts(draft.content)).toMatchObject({ preambular: 3, operative: 3, subparagraph: 2 });
    expect(byType(draft.content, 'organ')).toEqual(['La Asamblea General,']);
    // UN texts set the lead words in italics; plain text lost them, the import restores them.
    const preambular = draft.content.content?.find((b) => b.type === 'preambular');
    expect(preambular?.content?.[0]).toEqual({
      type: 'text',
      text: 'Recordando',
      marks: [{ type: 'italic' }],
    });
  });

  it('[I5] the original language is told by its words, English included', async () => {
    const english = await imported('seed-resolution.txt', 'text/plain');
    expect(english.language).toBe('en');
    const languages = await Promise.all(
      [
        ['oas-es-reservation.txt', 'text/plain'],
        ['un-fr-footnotes.md', 'text/markdown'],
        ['oas-pt-reservation.txt', 'text/plain'],
      ].map(async ([name, type]) => (await imported(name!, type!)).language),
    );
    expect(languages).toEqual(['es', 'fr', 'pt']);
  });
});

describe('footnotes and annexes', () => {
  it('[FN1] an OAS reservation "1/" is a footnote on the word it follows, never an operative paragraph', async () => {
    const draft = await imported('oas-es-reservation.txt', 'text/plain');
    expect(footnotes(draft.content)).toEqual([
      {
        anchor: 'región.',
        text: 'La Delegación de los Estados Unidos no se suma al consenso sobre este párrafo porque considera que excede el mandato de la reunión.',
      },
    ]);
    const text = draftToText(draft.content, draft.style);
    // The plain text prints the note OAS-style again: its reference after the anchor, the note last.
    expect(text).toContain('de la región.1/');
    expect(text.trimEnd()).toMatch(/\n1\/ La Delegación de los Estados Unidos no se suma/);
    expect(text.match(/1\//g)).toHaveLength(2);
    expect(byType(draft.content, 'operative')[0]).toBe(
      'Instar a los Estados Miembros a fortalecer el marco institucional de apoyo a las empresas de la región.',
    );
    // Symbols with slashes are not references: "doc.5/26", "XXXV-O/05".
    expect(text).toContain('CIDI/RME/doc.5/26 rev. 1');
    expect(text).toContain('AG/RES. 2089 (XXXV-O/05)');
  });

  it('[FN1] Markdown footnotes keep their anchors and texts; a note nothing refers to stays a note', async () => {
    const draft = await imported('un-fr-footnotes.md', 'text/markdown');
    expect(footnotes(draft.content)).toEqual([
      { anchor: 'entreprises', text: 'Selon les données de la Banque mondiale pour 2024.' },
      {
        anchor: 'entreprises',
        text: 'La délégation du Canada a exprimé une réserve sur ce paragraphe.',
      },
    ]);
    const orphan = await importDraft({
      contentType: 'text/plain',
      body: Buffer.from('RESOLVES:\n\n1. To urge member states;\n\n1/ A note nothing refers to.'),
    });
    expect(orphan.content.content?.map((b) => b.type)).toEqual([
      'leadHeading',
      'operative',
      'paragraph',
    ]);
  });

  it('[FN1] a Word document with footnotes and an annex', async () => {
    const paragraph = (text: string, note?: number) =>
      new Paragraph({
        children: [new TextRun(text), ...(note ? [new FootnoteReferenceRun(note)] : [])],
      });
    const document = new Document({
      footnotes: {
        1: { children: [new Paragraph('The Delegation of Canada does not join consensus.')] },
        2: { children: [new Paragraph('Document CIDI/doc.12/25.')] },
      },
      sections: [
        {
          children: [
            paragraph('STRENGTHENING OF MICRO, SMALL, AND MEDIUM-SIZED ENTERPRISES'),
            paragraph('THE GENERAL ASSEMBLY,'),
            paragraph('HAVING SEEN:'),
            paragraph('The annual report of the Inter-American Council;', 2),
            paragraph('RESOLVES:'),
            paragraph('1. To urge member states to strengthen their institutions;', 1),
            paragraph('2. To request the General Secretariat to report by:'),
            paragraph('a) Gathering statistics;'),
            paragraph('b) Holding a forum;'),
            paragraph('ANNEX'),
            paragraph('PLAN OF ACTION'),
            paragraph('1. Set up a regional network.'),
            paragraph('2. Publish an annual report.'),
            paragraph('3. Hold a forum every two years.'),
          ],
        },
      ],
    });
    const body = await Packer.toBuffer(document);
    const draft = await importDraft({ contentType: DOCX_TYPE, body });
    expect(draft.language).toBe('en');
    expect(counts(draft.content)).toEqual({
      preambular: 1,
      operative: 2,
      subparagraph: 2,
      footnotes: 2,
      annexItems: 3,
    });
    expect(footnotes(draft.content)).toEqual([
      { anchor: 'Council;', text: 'Document CIDI/doc.12/25.' },
      { anchor: 'institutions;', text: 'The Delegation of Canada does not join consensus.' },
    ]);
  });

  it('[FN2] an annex stands apart: its numbered items are not operative paragraphs and take no operative number', async () => {
    const draft = await imported('oas-pt-reservation.txt', 'text/plain');
    const types = (draft.content.content ?? []).map((b) => b.type);
    const [annex] = annexParts(types);
    expect(types[annex!.heading]).toBe('annexHeading');
    expect(annex!.blocks.map((i) => types[i])).toEqual(['leadHeading', 'paragraph', 'paragraph']);
    const text = draftToText(draft.content, draft.style);
    expect(text).toContain(
      '3. Solicitar à Secretaria-Geral que informe a Assembleia Geral sobre a implementação desta resolução.\n\nANEXO\n\nPLANO DE AÇÃO\n\n1. Criar uma rede regional',
    );
    expect(text).not.toContain('4. ');
  });
});
