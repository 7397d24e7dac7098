/**
 * Recognising the structure of a resolution in text: shared by the editor (paste) and the
 * server (import), so that both turn the same text into the same blocks.
 */
export { recogniseDraft, type RecogniseOptions, type RecognisedDraft } from './recognise';
export { normaliseText } from './normalise';
