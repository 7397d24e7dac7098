import { beforeAll, expect, test } from 'vitest';
import { auditDetail } from './auditDetails';
import { initI18n, switchLanguage } from './index';

beforeAll(async () => {
  await initI18n('en');
});

const added = {
  detail: 'Ana Rojas (Chile) invited as delegate.',
  detailKey: 'langaudit.audit.participantAdded',
  detailValues: { who: 'Ana Rojas (Chile)', role: 'delegate' },
};
const created = {
  detail: 'Document "Proyecto de recomendación" created.',
  detailKey: 'langaudit.audit.documentCreated',
  detailValues: { title: 'Proyecto de recomendación' },
};

test('[Y38] the audit log words the details the server records as keys in the reader’s language', async () => {
  await switchLanguage('es');
  expect(auditDetail(added)).toBe('Ana Rojas (Chile), invitado(a) con la función de delegado(a).');
  expect(auditDetail(created)).toBe('Se creó el documento “Proyecto de recomendación”.');
  await switchLanguage('fr');
  expect(auditDetail(created)).toBe('Document «\u00a0Proyecto de recomendación\u00a0» créé.');
  await switchLanguage('pt');
  expect(auditDetail({ ...added, detailKey: 'langaudit.audit.linkRevoked' })).toBe(
    'Ana Rojas (Chile): link revogado.',
  );
  await switchLanguage('en');
  expect(auditDetail(added)).toBe('Ana Rojas (Chile) invited as delegate.');
});

test('[Y38] an older event without a key, or with a key this client does not know, shows the server’s sentence', async () => {
  await switchLanguage('es');
  expect(auditDetail({ detail: 'Secretariat token rotated.' })).toBe('Secretariat token rotated.');
  expect(auditDetail({ ...created, detailKey: 'langaudit.audit.somethingNewer' })).toBe(
    created.detail,
  );
});

test('[Y42] what a detail names by code (a drafting mode, a paper size, an event kind, the settings changed, a version label the server wrote) reads as the interface names it', async () => {
  const mode = {
    detail: 'Document "Draft" is now drafted in mode "penholder".',
    detailKey: 'langaudit.audit.documentMode',
    detailValues: { title: 'Draft', mode: 'penholder' },
  };
  const paper = {
    detail: 'Paper size: letter.',
    detailKey: 'langaudit.audit.meetingSettings',
    detailValues: { paperSize: 'letter' },
  };
  const settings = {
    detail: 'Document "Draft": symbol, language changed.',
    detailKey: 'langaudit.audit.documentSettings',
    detailValues: { title: 'Draft', fields: 'symbol, language' },
  };
  const suppressed = {
    detail: '… 5 more update_refused events from u1 suppressed.',
    detailKey: 'langaudit.audit.suppressedOfKind',
    detailValues: { count: '5', kind: 'update_refused', source: 'u1' },
  };
  const locked = {
    detail: 'Version "Locked for adoption" of "Draft".',
    detailKey: 'langaudit.audit.versionRecorded',
    detailValues: {
      label: 'Locked for adoption',
      title: 'Draft',
      labelKey: 'languages.versionLabels.locked',
    },
  };
  await switchLanguage('es');
  expect(auditDetail(mode)).toBe(
    'El documento “Draft” se redacta ahora en la modalidad “Redacción por la Presidencia”.',
  );
  expect(auditDetail(paper)).toBe('Tamaño de papel: Carta (EE. UU.).');
  expect(auditDetail(settings)).toBe('Documento “Draft”, campos modificados: signatura, idioma.');
  await switchLanguage('fr');
  expect(auditDetail(locked)).toBe(
    'Version «\u00a0Verrouillée pour adoption\u00a0» de «\u00a0Draft\u00a0».',
  );
  expect(auditDetail(suppressed)).toBe(
    '… 5 autres événements «\u00a0Modification refusée\u00a0» de u1 non consignés.',
  );
  await switchLanguage('pt');
  expect(auditDetail(settings)).toBe('Documento “Draft”, campos alterados: cota, idioma.');
  expect(auditDetail(locked)).toBe('Versão “Bloqueada para adoção” de “Draft”.');
  expect(auditDetail(paper)).toBe('Tamanho do papel: Carta (EUA).');
  await switchLanguage('en');
  expect(auditDetail(mode)).toBe('Document “Draft” is now drafted in mode “Pen-holder”.');
  expect(auditDetail(paper)).toBe('Paper size: US Letter.');
});
