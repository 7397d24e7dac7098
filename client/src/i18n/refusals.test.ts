import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ApiError } from '../api/client';
import { errorMessage } from '../hooks/useApiData';
import { en } from './en';
import { initI18n, switchLanguage } from './index';

// Tests run from the repository's root (a DOM environment gives no file URL to start from).
const SERVER = join(process.cwd(), 'server/src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The arguments of each call to `name(` in `text`, up to its closing parenthesis. */
function callArguments(text: string, name: RegExp): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(name)) {
    let depth = 1;
    let end = match.index + match[0].length;
    while (depth > 0 && end < text.length) {
      const char = text[end++];
      if (char === '(') depth++;
      if (char === ')') depth--;
    }
    found.push(text.slice(match.index + match[0].length, end - 1));
  }
  return found;
}

/**
 * Every refusal code the server raises: the snake_case literals given to the error factories
 * (`invalid`, `forbidden`, `notFound`, `conflict`, `new AccordError` after its kind) and the
 * `code:` of the HTTP layer's own answers.
 */
function serverCodes(): Set<string> {
  const codes = new Set(['not_found', 'invalid_value']); // the factories' defaults
  const literal = /'([a-z]+(?:_[a-z]+)+)'/g;
  for (const file of sources(SERVER)) {
    const text = readFileSync(file, 'utf8');
    for (const args of callArguments(text, /\b(?:invalid|forbidden|notFound|conflict)\(/g)) {
      for (const [, code] of args.matchAll(literal)) codes.add(code!);
    }
    // `new AccordError(kind, code, …)`: the first literal is the kind, not a code.
    for (const args of callArguments(text, /new AccordError\(/g)) {
      const code = [...args.matchAll(literal)][1]?.[1];
      if (code) codes.add(code);
    }
    for (const args of callArguments(text, /new ImportError\(/g)) {
      const code = [...args.matchAll(literal)][0]?.[1];
      if (code) codes.add(code);
    }
    // Unions of codes (`type ImportErrorCode = 'empty_import' | …`).
    for (const [, union] of text.matchAll(/\btype \w*Code =([^;]+);/g)) {
      for (const [, code] of union!.matchAll(literal)) codes.add(code!);
    }
    for (const [, code] of text.matchAll(/\bcode: '([a-z]+(?:_[a-z]+)+)'/g)) codes.add(code!);
  }
  return codes;
}

describe('refusals from the server in the reader’s language', () => {
  beforeAll(async () => {
    await initI18n('en');
  });

  test('[Y36] every refusal code the server raises has a sentence in the catalogues', () => {
    const codes = [...serverCodes()];
    // The scan finds the codes of the routes added lately (paragraph modes, undo, invitations).
    expect(codes).toEqual(
      expect.arrayContaining([
        'decision_superseded',
        'duplicate_participant',
        'translation_exists',
        'role_not_allowed',
      ]),
    );
    const known = new Set(Object.keys(en.langaudit.errors));
    expect(codes.filter((code) => !known.has(code)).sort()).toEqual([]);
  });

  test('[Y37] a refusal reads in Spanish and Portuguese by its code; English keeps the server’s sentence, as does an unknown code', async () => {
    const exists = new ApiError(
      409,
      'translation_exists',
      'This document already has a version in that language.',
    );
    const newer = new ApiError(409, 'some_future_code', 'A refusal from a newer server.');
    await switchLanguage('es');
    expect(errorMessage(exists)).toBe('Este documento ya tiene una versión en ese idioma.');
    expect(errorMessage(newer)).toBe('A refusal from a newer server.');
    await switchLanguage('pt');
    expect(
      errorMessage(new ApiError(403, 'role_not_allowed', 'Your role (delegate) may not do this.')),
    ).toBe('Sua função não permite esta ação.');
    await switchLanguage('en');
    expect(
      errorMessage(new ApiError(403, 'role_not_allowed', 'Your role (delegate) may not do this.')),
    ).toBe('Your role (delegate) may not do this.');
  });
});
