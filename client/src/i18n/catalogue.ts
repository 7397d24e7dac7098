import type { en } from './en';

/**
 * The shape every language's catalogue must have: the English tree with each sentence widened
 * to `string`, so TypeScript refuses a missing or misplaced key at build time. Placeholders and
 * "equal to English" are checked by i18n/catalogues.test.ts.
 */
export type Catalogue<T = typeof en> = {
  readonly [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]>;
};
