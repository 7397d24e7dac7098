import type { AuditEvent } from '@accord/shared/api';
import { i18n } from './index';

/**
 * An audit event's detail in the reader's language: a detail the server recorded as a key
 * (`langaudit.audit.*`) is worded from it, its role named as the interface names roles; an older
 * event, or a key this client does not know (a newer server), shows the server's sentence.
 */
export function auditDetail(
  event: Pick<AuditEvent, 'detail' | 'detailKey' | 'detailValues'>,
): string {
  if (!event.detailKey || !i18n.exists(event.detailKey)) return event.detail;
  const values: Record<string, string> = { ...event.detailValues };
  const roleKey = `roles.${values.role}`;
  // Mid-sentence, as a common noun: "invited as delegate", "con la función de delegado(a)".
  if (values.role && i18n.exists(roleKey)) {
    values.role = i18n.t(roleKey).toLocaleLowerCase(i18n.language);
  }
  return i18n.t(event.detailKey, values);
}
