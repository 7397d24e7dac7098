import { currentLanguage, i18n } from './index';

/**
 * A server refusal in the reader's language. The server writes its sentences in English, often
 * naming the very thing refused, so an English reader keeps them. A reader of Spanish, French or
 * Portuguese gets the sentence of the refusal's stable code instead: less specific, but in their
 * language. A code the catalogue does not know (a newer server) keeps the server's sentence.
 */
export function refusalSentence(code: string, serverSentence: string): string {
  const key = `langaudit.errors.${code}`;
  if (currentLanguage() === 'en' || !i18n.exists(key)) return serverSentence;
  return i18n.t(key);
}
