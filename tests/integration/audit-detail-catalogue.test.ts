import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en';
import { es } from '../../client/src/i18n/es';
import { fr } from '../../client/src/i18n/fr';
import { pt } from '../../client/src/i18n/pt';

const SERVER_SOURCE = join(import.meta.dirname, '../../server/src');

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function at(catalogue: object, key: string): unknown {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

it('[Y43] every audit detail key the server can write is worded in all four catalogues', () => {
  const written = new Set<string>();
  const families = new Set<string>();
  for (const file of sources(SERVER_SOURCE)) {
    const text = readFileSync(file, 'utf8');
    for (const [, key] of text.matchAll(/'(langaudit\.audit\.[A-Za-z.]+)'/g)) written.add(key!);
    // `langaudit.audit.document.${verb}`: a family, one sentence per verb.
    for (const [, family] of text.matchAll(/`(langaudit\.audit\.[A-Za-z]+)\.\$\{/g)) {
      families.add(family!);
    }
  }
  // The walk in [Y40] proves the calls; this proves the words, including for rare refusals.
  expect(written.size).toBeGreaterThan(20);
  expect([...families].sort()).toEqual(['langaudit.audit.document', 'langaudit.audit.proposal']);
  const missing: string[] = [];
  for (const [language, catalogue] of Object.entries({ en, es, fr, pt })) {
    for (const key of written) {
      if (typeof at(catalogue, key) !== 'string') missing.push(`${language} ${key}`);
    }
    for (const family of families) {
      if (typeof at(catalogue, family) !== 'object') missing.push(`${language} ${family}.*`);
    }
  }
  expect(missing).toEqual([]);
  expect(Object.keys(at(en, 'langaudit.audit.document') as object).sort()).toEqual([
    'archived',
    'locked',
    'unarchived',
    'unlocked',
  ]);
  expect(Object.keys(at(en, 'langaudit.audit.proposal') as object).sort()).toEqual([
    'accepted',
    'rejected',
    'undone',
    'withdrawn',
  ]);
});
