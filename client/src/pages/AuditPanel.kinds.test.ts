import { describe, expect, test } from 'vitest';
import { AUDIT_KINDS } from '@accord/shared/audit-kinds';
import { flatten } from '../i18n/catalogueCheck';
import { en } from '../i18n/en';
import { es } from '../i18n/es';
import { fr } from '../i18n/fr';
import { pt } from '../i18n/pt';
import { auditKindKey } from './AuditPanel.kinds';

const CATALOGUES = { en, es, fr, pt } as const;

describe('[MD82] the audit panel names every kind of event the server records, in four languages', () => {
  test.each(Object.keys(CATALOGUES) as (keyof typeof CATALOGUES)[])(
    '[MD82] %s names each audit kind, and no kind the server no longer writes',
    (language) => {
      const sentences = flatten(CATALOGUES[language]);
      const english = flatten(en);
      for (const kind of AUDIT_KINDS) {
        const label = sentences.get(auditKindKey(kind));
        expect([kind, typeof label]).toEqual([kind, 'string']);
        expect(label!.trim()).not.toBe('');
        if (language !== 'en')
          expect([kind, label]).not.toEqual([kind, english.get(auditKindKey(kind))]);
      }
      const named = [...sentences.keys()].filter((key) => key.startsWith('chores.auditKinds.'));
      expect(named.sort()).toEqual(AUDIT_KINDS.map(auditKindKey).sort());
    },
  );

  test('[MD82] the list of kinds has each kind once, and two kinds never share a key', () => {
    expect(new Set(AUDIT_KINDS).size).toBe(AUDIT_KINDS.length);
    expect(new Set(AUDIT_KINDS.map(auditKindKey)).size).toBe(AUDIT_KINDS.length);
  });
});
