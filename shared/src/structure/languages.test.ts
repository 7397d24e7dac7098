import { describe, expect, it } from 'vitest';
import { recogniseDraft } from './recognise';
import { detectLanguage } from './languages';

const types = (text: string, mode: 'document' | 'fragment' = 'fragment') =>
  recogniseDraft(text, { mode, newId: () => 'x' }).blocks.map((b) => b.type);

describe('Spanish, French and Portuguese words beside the English ones', () => {
  it('[I4] a pasted OAS infinitive opens an operative paragraph in each language', () => {
    expect(types('Instar a los Estados Miembros a actuar;')).toEqual(['operative']);
    expect(types('Charger le Secrétariat général de faire rapport ;')).toEqual(['operative']);
    expect(types('Encarregar a Secretaria-Geral de apoiar os esforços;')).toEqual(['operative']);
  });

  it('[I4] English words that only look foreign keep their English reading', () => {
    // "Under", "Their" end like infinitives; "Important" like a French participle.
    expect(types('Under the leadership of the Chair, the meeting continued.')).toEqual([
      'paragraph',
    ]);
    expect(types('Their efforts continue.')).toEqual(['paragraph']);
    expect(types('Important progress has been made,')).toEqual(['paragraph']);
    expect(types('Rappelant sa résolution 70/1,')).toEqual(['preambular']);
  });

  it('[I5] tells Spanish from Portuguese by their short words, and says English otherwise', () => {
    expect(detectLanguage('Que las empresas de la región y los Estados')).toBe('es');
    expect(detectLanguage('Que as empresas da região e os Estados não')).toBe('pt');
    expect(detectLanguage('Que les entreprises et des États dans la région')).toBe('fr');
    expect(detectLanguage('1. 2. 3.')).toBe('en');
  });
});
