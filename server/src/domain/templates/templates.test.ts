import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { draftSchema } from '@accord/shared/schema/index';
import { draftToText } from '@accord/shared/text';
import { leadWords } from '@accord/shared/language-conventions';
import { TemplateValueError } from '@accord/shared/template';
import { meetingFieldDefaults } from '@accord/shared/template-defaults';
import { instantiateTemplate, loadTemplates } from './index';

/** How an OAS operative paragraph opens in each language: an infinitive. */
const OPERATIVE_OPENING: Record<string, RegExp> = {
  en: /^\d+\. To /m,
  es: /^\d+\. (Instar|Encomendar|Solicitar|Recomendar) /m,
  fr: /^\d+\. (D’exhorter|De charger|De demander) /m,
  pt: /^\d+\. (Instar|Encarregar|Solicitar) /m,
};

const TEMPLATES_DIR = fileURLToPath(new URL('../../../../templates', import.meta.url));

describe('the template library (templates/)', () => {
  const { templates, errors } = loadTemplates(TEMPLATES_DIR);

  it('loads every file without an error', () => {
    expect(errors).toEqual([]);
    const files = readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.json'));
    expect(templates.size).toBe(files.length);
    expect(templates.size).toBeGreaterThanOrEqual(10);
  });

  it('offers the templates drafters are promised, the blank ones under their known ids', () => {
    expect(templates.get('blank-oas-resolution')?.style).toBe('oas');
    expect(templates.get('blank-un-resolution')?.style).toBe('un');
    const kinds = new Set([...templates.values()].map((t) => t.kind));
    for (const kind of [
      'policy_recommendation',
      'program_recommendation',
      'ministerial_declaration',
      'report',
      'resolution',
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  for (const id of [...templates.keys()]) {
    it(`${id}: instantiates with its defaults and reads as plain text without placeholders`, () => {
      const template = templates.get(id);
      if (!template) throw new Error(id);
      const content = instantiateTemplate(template, {});
      draftSchema().nodeFromJSON(content).check();
      const text = draftToText(content, template.style);
      expect(text).not.toMatch(/\{\{|\}\}/);
      expect(text).not.toMatch(/lorem ipsum/i);
      // The register of each style and language: OAS operative paragraphs open with an
      // infinitive under a lead word in capitals; UN ones with a verb ("Decides"). A report is
      // shaped as a report: numbered sections, no organ line, no operative lead word.
      if (template.kind === 'report') {
        expect(text).toMatch(/^I\. [A-ZÁÉÍÓÚ]/m);
        expect(text).toMatch(/^II\. [A-ZÁÉÍÓÚ]/m);
        expect(content.content?.some((block) => block.type === 'organ')).toBe(false);
        expect(text).not.toMatch(/^(RESOLVES?|RESUELVE|RECOMMEND|DECLARE):$/m);
      } else if (template.style === 'oas') {
        const words = leadWords(template.language);
        const heading =
          template.language === 'en'
            ? /^(RESOLVES?|RECOMMEND|DECLARE):$/m
            : new RegExp(`^${words.resolves}$`, 'm');
        expect(text).toMatch(heading);
        expect(text).toMatch(OPERATIVE_OPENING[template.language]!);
      } else {
        expect(text).toMatch(/^\d+\. Decides/m);
      }
    });
  }

  it('fills fields into the text, in capitals where the template asks', () => {
    const template = templates.get('msme-access-to-markets');
    if (!template) throw new Error('missing');
    const text = draftToText(
      instantiateTemplate(template, { sector: 'Labor', chairDelegation: 'Jamaica', year: '2027' }),
      'oas',
    );
    expect(text).toContain('THE MINISTERS AND HIGH AUTHORITIES OF LABOR OF THE AMERICAS,');
    expect(text).toContain('Delegation of Jamaica');
    expect(text).toContain('2027');
  });

  it('refuses a bad value, naming the field', () => {
    const template = templates.get('msme-access-to-markets');
    if (!template) throw new Error('missing');
    expect(() => instantiateTemplate(template, { year: 'next year' })).toThrow(TemplateValueError);
    try {
      instantiateTemplate(template, { year: 'next year' });
    } catch (error) {
      expect((error as TemplateValueError).field).toBe('year');
    }
  });
});

describe('loadTemplates with broken files', () => {
  const good = readFileSync(join(TEMPLATES_DIR, 'blank-oas-resolution.json'), 'utf8');

  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  function dirWith(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'accord-templates-'));
    made.push(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }

  it('reports each bad file by name with its error, and keeps the good ones', () => {
    const template = JSON.parse(good) as { id: string; content: { content: unknown[] } };
    const unknownNode = {
      ...template,
      id: 'unknown-node',
      content: { type: 'doc', content: [{ type: 'footnoteX' }] },
    };
    const duplicateIds = structuredClone(template);
    duplicateIds.id = 'duplicate-ids';
    duplicateIds.content.content.push(duplicateIds.content.content[4]);
    const dir = dirWith({
      'a-good.json': good,
      'broken.json': '{ "id": "broken", ',
      'no-kind.json': JSON.stringify({ ...template, id: 'no-kind', kind: 'novel' }),
      'unknown-node.json': JSON.stringify(unknownNode),
      'duplicate-ids.json': JSON.stringify(duplicateIds),
      'stray-placeholder.json': good
        .replace('{{organ|upper}}', '{{ministry}}')
        .replace('"blank-oas-resolution"', '"stray"'),
      'notes.txt': 'not a template',
    });
    const { templates, errors } = loadTemplates(dir);
    expect([...templates.keys()]).toEqual(['blank-oas-resolution']);
    const byFile = Object.fromEntries(errors.map((e) => [e.file, e.message]));
    expect(Object.keys(byFile).sort()).toEqual([
      'broken.json',
      'duplicate-ids.json',
      'no-kind.json',
      'stray-placeholder.json',
      'unknown-node.json',
    ]);
    expect(byFile['broken.json']).toMatch(/not valid JSON/);
    expect(byFile['no-kind.json']).toMatch(/^kind: /);
    expect(byFile['unknown-node.json']).toMatch(/footnoteX/);
    expect(byFile['duplicate-ids.json']).toMatch(/pre-2.*more than once|more than once/);
    expect(byFile['stray-placeholder.json']).toMatch(/\{\{ministry\}\}/);
  });

  it('reports a missing directory instead of throwing', () => {
    const { templates, errors } = loadTemplates(join(tmpdir(), 'accord-no-such-dir-7f3a'));
    expect(templates.size).toBe(0);
    expect(errors).toHaveLength(1);
  });
});

describe('templates in the meeting languages', () => {
  const { templates } = loadTemplates(TEMPLATES_DIR);
  const text = (id: string, values: Record<string, string> = {}) => {
    const template = templates.get(id);
    if (!template) throw new Error(`missing ${id}`);
    return draftToText(instantiateTemplate(template, values), template.style);
  };
  const seed = readFileSync(
    fileURLToPath(
      new URL('../../../../tests/fixtures/seed/000_4fd4a1e97120b91d.txt', import.meta.url),
    ),
    'utf8',
  );

  it('[T2] a blank OAS resolution exists in English, Spanish, French and Portuguese, each with its own lead words and register', () => {
    const spanish = text('blank-oas-resolution-es', { sponsorDelegation: 'Guatemala' });
    for (const line of ['LA ASAMBLEA GENERAL,', 'VISTOS:', 'CONSIDERANDO:', 'RESUELVE:']) {
      expect(spanish.split('\n')).toContain(line);
    }
    expect(spanish).toContain('(Presentado por la Delegación de Guatemala)');
    expect(spanish).toMatch(/^1\. Instar a los Estados Miembros a que …:$/m);
    expect(spanish).toMatch(/^\s*a\. …;$/m);
    const french = text('blank-oas-resolution-fr');
    for (const line of [
      'L’ASSEMBLÉE GÉNÉRALE,',
      'VU\u00a0:',
      'CONSIDÉRANT\u00a0:',
      'DÉCIDE\u00a0:',
    ]) {
      expect(french.split('\n')).toContain(line);
    }
    const portuguese = text('blank-oas-resolution-pt');
    for (const line of ['A ASSEMBLEIA GERAL,', 'TENDO VISTO:', 'CONSIDERANDO:', 'RESOLVE:']) {
      expect(portuguese.split('\n')).toContain(line);
    }
    const languages = new Set([...templates.values()].map((t) => t.language));
    expect([...languages].sort()).toEqual(['en', 'es', 'fr', 'pt']);
  });

  it('[T3] a cited resolution is the seed resolution or its mandate, its symbol a field: no template invents a resolution number', () => {
    for (const template of templates.values()) {
      const filled = draftToText(instantiateTemplate(template, {}), template.style);
      for (const match of filled.matchAll(/AG\/RES\. ?(\d+)/g)) {
        expect(seed, `${template.id} cites AG/RES. ${match[1]}`).toContain(`AG/RES. ${match[1]}`);
      }
    }
    const report = text('report-to-cidi', { mandateSymbol: 'AG/RES. 2809 (XLIII-O/13)' });
    expect(report).toContain(
      'IMPLEMENTATION OF RESOLUTION AG/RES. 2809 (XLIII-O/13), “STRENGTHENING OF MICRO, SMALL, AND MEDIUM-SIZED ENTERPRISES”',
    );
    expect(report).toContain('In paragraph 4 of resolution AG/RES. 2809 (XLIII-O/13),');
  });

  it('[T4] fields default from the meeting record (name, sector, venue, dates in the template language, year) and given values win', () => {
    const meeting = {
      title: 'Reunión de Ministros y Altas Autoridades de Comercio',
      sector: 'Comercio',
      venue: 'Ciudad de Guatemala',
      startsOn: '2026-12-04',
      endsOn: '2026-12-05',
    };
    const template = templates.get('report-to-cidi-es')!;
    const defaults = meetingFieldDefaults(
      template.fields.map((f) => f.name),
      meeting,
      template.language,
    );
    expect(defaults).toEqual({
      meetingName: meeting.title,
      venue: 'Ciudad de Guatemala',
      dates: '4 de diciembre de 2026 – 5 de diciembre de 2026',
      year: '2026',
    });
    const report = text('report-to-cidi-es', { ...defaults, chairDelegation: 'Guatemala' });
    expect(report).toContain(
      'El presente informe transmite al CIDI la contribución de la Reunión de Ministros y Altas Autoridades de Comercio, celebrada en Ciudad de Guatemala (4 de diciembre de 2026 – 5 de diciembre de 2026), al informe del CIDI a la Asamblea General.',
    );
    expect(report).toContain('INFORME DE LA REUNIÓN DE MINISTROS Y ALTAS AUTORIDADES DE COMERCIO');
    expect(report).toContain(
      '(Proyecto presentado por la Presidencia de la reunión, Delegación de Guatemala, 2026)',
    );
    const markets = templates.get('msme-access-to-markets')!;
    expect(
      meetingFieldDefaults(
        markets.fields.map((f) => f.name),
        { ...meeting, sector: 'Labor' },
        'en',
      ),
    ).toMatchObject({ sector: 'Labor' });
  });
});
