// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layers of the server, enforced: http → domain → storage; collab serves documents and never
 * reaches into http or domain; storage depends on nothing above it; only storage knows lowdb.
 * Each entry is a folder and the folders its files may not import.
 */
const LAYERS = [
  { folder: 'http', forbidden: ['storage', 'collab'] },
  { folder: 'domain', forbidden: ['http'] },
  { folder: 'collab', forbidden: ['http', 'domain'] },
  { folder: 'auth', forbidden: ['http', 'domain', 'collab'] },
  { folder: 'storage', forbidden: ['http', 'domain', 'collab', 'auth'] },
];
const LOWDB = { regex: '^lowdb(/|$)', message: 'Only server/src/storage/ may use lowdb.' };

function layerRules() {
  const rules = LAYERS.map(({ folder, forbidden }) => ({
    files: [`server/src/${folder}/**/*.ts`],
    // Tests and their fixtures may reach across layers to build what they check.
    ignores: ['**/*.test.ts', '**/integrity/fixtures.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `(^|/)(${forbidden.join('|')})(/|$)`,
              message: `server/src/${folder} may not import ${forbidden.join(', ')} (layer rule).`,
            },
            ...(folder === 'storage' ? [] : [LOWDB]),
          ],
        },
      ],
    },
  }));
  // Everything else in the server (server.ts, main.ts, config) may wire layers, not use lowdb.
  rules.unshift({
    files: ['server/src/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [LOWDB] }] },
  });
  return rules;
}

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      '.bench/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // shared/ is a leaf: it may be imported by both sides and imports neither.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/client/**', '**/server/**', '@accord/client*', '@accord/server*'] },
      ],
    },
  },
  ...layerRules(),
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
