import { Extension, textInputRule } from '@tiptap/core';
import { quotes } from '@accord/shared/language-conventions';

/*
 * A straight double quote typed in the editor becomes the document language's quotation mark,
 * so the text reads in the editor as it will print (the exports convert stored straight quotes
 * the same way: server/src/domain/export/quotes.ts). Which marks, per language, is decided in
 * one table, `quotes()` in shared/src/language-conventions.ts:
 * - English: “…” (the OAS English style follows US usage: double quotes, single inside).
 * - Spanish: “…”. The RAE's Ortografía (2010, §3.4.8) prefers « » in print but accepts “ ”,
 *   and the Spanish texts of the OAS General Assembly's resolutions (AG/RES.) print “…”, which
 *   is the house style this tool drafts in.
 * - French: « … » with narrow no-break spaces inside (Lexique des règles typographiques en usage
 *   à l'Imprimerie nationale), as French OAS texts print them.
 * - Portuguese: “…” (Brazilian usage, the OAS's Portuguese).
 * A quote after a space, a line start or an opening bracket opens; any other closes.
 */
export const TypographicQuotes = Extension.create<{ language: string }>({
  name: 'typographicQuotes',

  addOptions() {
    return { language: 'en' };
  },

  addInputRules() {
    const marks = quotes(this.options.language);
    return [
      textInputRule({ find: /(?:^|[\s([{\u2014\u2013])(")$/, replace: marks.open }),
      textInputRule({ find: /"$/, replace: marks.close }),
    ];
  },
});
