/**
 * A server refusal as a sentence for a person: the validator prefixes the field's name
 * ("endsOn: the meeting cannot end before it starts"), which the form already shows by marking
 * the field itself. The name goes; the sentence starts with a capital and ends with a stop.
 */
export function errorSentence(message: string, field?: string): string {
  let sentence = message.trim();
  if (field && sentence.startsWith(`${field}:`)) sentence = sentence.slice(field.length + 1).trim();
  if (!sentence) return message;
  sentence = sentence.charAt(0).toUpperCase() + sentence.slice(1);
  return /[.!?…]$/.test(sentence) ? sentence : `${sentence}.`;
}
