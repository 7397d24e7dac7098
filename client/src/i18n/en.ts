import { setupSentences } from './en/setup';
import { editorSentences } from './en/editor';
import { negotiationSentences } from './en/negotiation';
import { recordSentences } from './en/record';

/** English, the reference catalogue: complete, and the fallback for every other language. */
export const en = {
  ...setupSentences,
  ...editorSentences,
  ...negotiationSentences,
  ...recordSentences,
} as const;
