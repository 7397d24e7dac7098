import type { Catalogue } from './catalogue';
import { setupSentences } from './es/setup';
import { editorSentences } from './es/editor';
import { negotiationSentences } from './es/negotiation';
import { recordSentences } from './es/record';

/**
 * Spanish, in the usage of the OAS General Secretariat: "Estados Miembros", "Presidencia" for
 * the chair, "Relatoría" for the rapporteur, "ad referéndum" with its accent.
 */
export const es: Catalogue = {
  ...setupSentences,
  ...editorSentences,
  ...negotiationSentences,
  ...recordSentences,
};
