import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { draftSchema } from '@accord/shared/schema/index';
import { draftToText } from '@accord/shared/text';
import { TemplateValueError } from '@accord/shared/template';
import { instantiateTemplate, loadTemplates } from './index';

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
      // The register of each style: OAS operative paragraphs open with an infinitive under a
      // lead word in capitals; UN ones with a verb ("Decides").
      if (template.style === 'oas') {
        expect(text).toMatch(/^(RESOLVES?|RECOMMEND|DECLARE):$/m);
        expect(text).toMatch(/^\d+\. To /m);
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
    const template = templates.get('report-to-cidi');
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
