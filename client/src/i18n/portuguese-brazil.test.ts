import { expect, test } from 'vitest';
import { flatten } from './catalogueCheck';
import { pt } from './pt';

/**
 * The OAS writes Portuguese as Brazil does. Words and turns of European Portuguese read as a
 * foreign text to a Brazilian delegation, so the catalogue must not use them.
 */
const EUROPEAN = [
  /\butilizador/i,
  /\becrã/i,
  /\bficheiro/i,
  /\bregist(o|os|ad[ao]s?)\b/i, // "registro", "registrado" in Brazil
  /\bequipa\b/i,
  /\bcontacto/i,
  /\bfacto\b/i,
  /\baceites?\b/i, // "aceito(s)/aceita(s)"
  /\btelemóvel/i,
  /\bpalavra-passe/i,
  /\bpartilh/i, // "compartilhar"
  /\bguard(ar|ad[ao]s?|e)\b/i, // "salvar"
  /\b(est(á|ão|ou|amos)|fica(r|m)?) a [a-zà-ú]+(ar|er|ir)\b/i, // "está a fazer" → "está fazendo"
  /\b(num|numa|nuns|numas)\b/i, // "em um", "em uma"
  /\bvê agora\b/i, // second-person imperative of Portugal
  /\bactu|\bselec(c|ç)|\bdirec(c|ç)|\bac(ç|c)ão/i, // pre-reform spellings
];

test('[Y33] the Portuguese catalogue uses Brazilian forms, not European ones', () => {
  const european = [...flatten(pt)].flatMap(([key, text]) =>
    EUROPEAN.filter((form) => form.test(text)).map(
      (form) => `${key}: ${String(form)} in "${text}"`,
    ),
  );
  expect(european).toEqual([]);
});

test('[Y34] a refused change in an agreed paragraph is told in Brazilian Portuguese', () => {
  expect(pt.negotiate.refusedParagraph).toBe(
    'Suas últimas alterações não foram aceitas: o parágrafo {{paragraph}} foi acordado e somente a presidência pode alterá-lo. Agora você vê o texto tal como o servidor o mantém.',
  );
});
