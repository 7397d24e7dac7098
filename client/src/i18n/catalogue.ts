import type { en } from './en';

/**
 * The shape every language's catalogue must have: the English tree with each sentence widened
 * to `string`, so TypeScript refuses a missing or misplaced key at build time. Where English
 * has a plural (`_one`/`_other`), a language may add the `_many` form its CLDR rules call for
 * ("1 000 000 de personnes"). Placeholders and "equal to English" are checked by
 * i18n/catalogues.test.ts.
 */
export type Catalogue<T = typeof en> = {
  readonly [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]>;
} & {
  readonly [K in keyof T as K extends `${infer Base}_other` ? `${Base}_many` : never]?: string;
};
