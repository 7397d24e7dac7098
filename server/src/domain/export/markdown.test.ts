import { describe, expect, it } from 'vitest';
import { doc, heading, operative, preambular, title } from '@accord/shared/testing';
import { input, seedDraft, trackedScenario } from './fixtures';
import { exportDraft } from './index';
import { pandoc, squash } from './readers';

describe('Markdown export read back by pandoc', () => {
  it('keeps every paragraph in order with its number and footnotes the brackets', async () => {
    const { body, contentType } = await exportDraft('md', input(seedDraft()));
    expect(contentType).toBe('text/markdown; charset=utf-8');
    const text = squash(await pandoc(body, 'markdown'));
    expect(text).toContain('RESOLVES: 1. To urge member states to continue to strengthen MSMEs;');
    expect(text).toContain(
      '2. To request the sectoral authorities to consider [policies and programs][1] in support of MSMEs;',
    );
    expect(text).toContain('a. Strengthening the institutional framework, in particular;');
    expect(text).toContain('[1] Bracketed text proposed by Chile, Perú.');
  });

  it('writes markup characters from delegates as text', async () => {
    const hostile = '<script>alert(1)</script> *bold* _x_ [link](http://x) # & `code`';
    const content = doc(
      title(hostile),
      preambular('p1', '1990. That the plan;'),
      heading('RESOLVES:'),
      operative('o1', hostile),
    );
    const { body } = await exportDraft('md', input(content));
    const text = await pandoc(body, 'markdown');
    expect(text).toContain(`1. ${hostile}`);
    expect(text).toContain('1990. That the plan;');
  });

  it('writes tracked changes in CriticMarkup', async () => {
    const scenario = trackedScenario();
    const tracked = {
      comparison: scenario.comparison,
      fromContent: scenario.from,
      fromLabel: 'Zero draft',
    };
    const md = (await exportDraft('md', input(scenario.to, { tracked }))).body.toString('utf8');
    expect(md).toContain('{++continue to ++}{>>Inserted by Chile<<}');
    expect(md).toContain(
      '{--the Internet--}{>>Deleted by Mexico<<}{++ICTs++}{>>Inserted by Mexico<<}',
    );
    expect(md).toContain('3\\. To request the authorities');
  });
});
