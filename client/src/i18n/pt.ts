import type { Catalogue } from './catalogue';
import { setupSentences } from './pt/setup';
import { editorSentences } from './pt/editor';
import { negotiationSentences } from './pt/negotiation';
import { recordSentences } from './pt/record';

/**
 * Portuguese, in the usage of the OAS General Secretariat (Brazilian spelling): "Estados
 * membros", "Secretaria-Geral", "Presidência" for the chair, "Relatoria" for the rapporteur.
 */
export const pt: Catalogue = {
  ...setupSentences,
  ...editorSentences,
  ...negotiationSentences,
  ...recordSentences,
};
