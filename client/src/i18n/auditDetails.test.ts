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
