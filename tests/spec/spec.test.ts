import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRepository, checkSpec, citationsIn, parseSpec, testFiles } from './spec-check';

const ROOT = resolve(import.meta.dirname, '../..');

/** A small SPEC: two areas, one deliberately untested rule. */
const SPEC = `# Rules

## The relay (R)

- **[R1]** Two delegations converge.
- **[R2]** A late joiner gets everything.

## Export (E)

- **[E1]** Every format downloads.

## Deliberately untested

- **[R3]** Carets move every 30 ms. Untested: timing.
`;

const CITING_ALL = `import { it } from 'vitest';
it('[R1] converge', () => {});
it('[R2] late joiner', () => {});
it('[E1] formats', () => {});
`;

describe('SPEC.md and the tests agree', () => {
  it('every id a test cites is a rule, and every rule is tested or listed as untested', async () => {
    const problems = await checkRepository(ROOT);
    expect(problems.map((problem) => problem.message)).toEqual([]);
  });

  it('reads the tests of every workspace, the browser tests included', async () => {
    const files = await testFiles(ROOT);
    expect(files).toContain('tests/integration/collab.test.ts');
    expect(files).toContain('tests/e2e/collab.spec.ts');
    expect(files).toContain('server/src/storage/update-log.contract.test.ts');
    expect(files.some((file) => file.startsWith('tests/spec/'))).toBe(false);
  });
});

describe('the SPEC check', () => {
  const spec = parseSpec(SPEC);

  it('passes when tests and SPEC agree', () => {
    expect(checkSpec(spec, citationsIn('tests/a.test.ts', CITING_ALL))).toEqual([]);
  });

  it('fails on a test citing an id the SPEC does not define, naming file and line', () => {
    const text = `${CITING_ALL}it('[R9] a rule nobody wrote', () => {});\n`;
    const problems = checkSpec(spec, citationsIn('tests/a.test.ts', text));
    expect(problems).toEqual([
      {
        kind: 'unknown_id',
        id: 'R9',
        message: 'tests/a.test.ts:5 cites [R9], which SPEC.md does not define',
      },
    ]);
  });

  it('fails on a rule no test cites', () => {
    const text = CITING_ALL.replace("it('[E1] formats', () => {});\n", '');
    const problems = checkSpec(spec, citationsIn('tests/a.test.ts', text));
    expect(problems.map((p) => [p.kind, p.id])).toEqual([['uncited_rule', 'E1']]);
    expect(problems[0]!.message).toContain('SPEC.md:10');
  });

  it('fails on a rule listed as untested that a test cites', () => {
    const text = `${CITING_ALL}it('[R3] carets', () => {});\n`;
    const problems = checkSpec(spec, citationsIn('tests/a.test.ts', text));
    expect(problems.map((p) => [p.kind, p.id])).toEqual([['cited_but_untested', 'R3']]);
  });

  it('fails on one id meaning two rules, a rule outside its area, and an area prefix used twice', () => {
    const twice = parseSpec(
      `${SPEC}\n## Comparison (R)\n\n- **[R1]** Moved paragraphs move.\n- **[C1]** Swaps.\n`,
    );
    const problems = checkSpec(twice, citationsIn('tests/a.test.ts', `${CITING_ALL}[C1]`));
    expect(problems.map((p) => [p.kind, p.id])).toEqual([
      ['duplicate_area', 'R'],
      ['duplicate_rule', 'R1'],
      ['wrong_area', 'C1'],
    ]);
  });

  describe('on files', () => {
    let root: string | undefined;
    afterEach(async () => {
      if (root) await rm(root, { recursive: true, force: true });
      root = undefined;
    });
    const write = async (path: string, text: string) => {
      await mkdir(dirname(join(root!, path)), { recursive: true });
      await writeFile(join(root!, path), text);
    };

    it('fails on a repository whose test file cites an unknown id', async () => {
      root = await mkdtemp(join(tmpdir(), 'accord-spec-'));
      await write('SPEC.md', SPEC);
      await write('tests/integration/relay.test.ts', CITING_ALL);
      await write('tests/e2e/editor.spec.ts', "test('[Q7] carets are labelled', () => {});\n");
      // Not a test file: its ids are not citations.
      await write('server/src/collab/room.ts', '// see [Z1]\n');
      const problems = await checkRepository(root);
      expect(problems.map((p) => p.message)).toEqual([
        'tests/e2e/editor.spec.ts:1 cites [Q7], which SPEC.md does not define',
      ]);
    });
  });
});
