import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, 'lint-fixtures');

/**
 * The layer rules of eslint.config.js, run through ESLint's own API on fixture files placed (by
 * `filePath`) in each folder: a forbidden import must be reported and an allowed one must not.
 */
async function importErrors(fixture: string, placedAt: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    // The fixtures are not part of a TypeScript project: only the import rules matter here.
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false, project: null } },
    },
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  });
  const code = await readFile(join(fixtures, fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: join(root, placedAt) });
  return (result?.messages ?? []).map((m) => `${m.line}: ${m.message}`);
}

describe('layer rules', () => {
  it('[M16] http may import the domain, not storage, the relay or lowdb', async () => {
    const errors = await importErrors('http-route.ts.txt', 'server/src/http/routes/fixture.ts');
    expect(errors).toEqual([
      expect.stringMatching(/^4: .*server\/src\/http may not import storage, collab/),
      expect.stringMatching(/^5: .*server\/src\/http may not import storage, collab/),
      expect.stringMatching(/^6: .*Only server\/src\/storage\/ may use lowdb/),
    ]);
  });

  it('[M16] collab never imports http or the domain; storage imports no layer above it', async () => {
    const collab = await importErrors('collab-module.ts.txt', 'server/src/collab/fixture.ts');
    expect(collab).toEqual([
      expect.stringMatching(/^3: .*server\/src\/collab may not import http, domain/),
      expect.stringMatching(/^4: .*server\/src\/collab may not import http, domain/),
    ]);
    const storage = await importErrors('storage-module.ts.txt', 'server/src/storage/fixture.ts');
    expect(storage).toEqual([
      expect.stringMatching(/^3: .*server\/src\/storage may not import http, domain, collab, auth/),
      expect.stringMatching(/^4: .*server\/src\/storage may not import http, domain, collab, auth/),
    ]);
    const domain = await importErrors('domain-module.ts.txt', 'server/src/domain/fixture.ts');
    expect(domain).toEqual([
      expect.stringMatching(/^3: .*server\/src\/domain may not import http/),
    ]);
  });
});
