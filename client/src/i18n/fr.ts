import type { Catalogue } from './catalogue';
import { setupSentences } from './fr/setup';
import { editorSentences } from './fr/editor';
import { negotiationSentences } from './fr/negotiation';
import { recordSentences } from './fr/record';

/**
 * French, in the usage of the OAS General Secretariat: "États membres", "Présidence" for the
 * chair, "ad referendum" without accent, « guillemets » with non-breaking spaces.
 */
export const fr: Catalogue = {
  ...setupSentences,
  ...editorSentences,
  ...negotiationSentences,
  ...recordSentences,
};
