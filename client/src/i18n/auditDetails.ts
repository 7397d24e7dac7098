import type { AuditEvent } from '@accord/shared/api';
import type { AuditKind } from '@accord/shared/audit-kinds';
import { auditKindKey } from '../pages/AuditPanel.kinds';
import { i18n } from './index';
import { versionLabel } from './serverLabels';

/**
 * An audit event's detail in the reader's language: a detail the server recorded as a key
 * (`langaudit.audit.*`) is worded from it, the values that name something the interface names
 * (a role, a drafting mode, a paper size, an event kind, the settings changed, a server-written
 * version label) named as the interface names them; an older event, or a key this client does
 * not know (a newer server), shows the server's sentence.
 */
export function auditDetail(
  event: Pick<AuditEvent, 'detail' | 'detailKey' | 'detailValues'>,
): string {
  if (!event.detailKey || !i18n.exists(event.detailKey)) return event.detail;
  const values: Record<string, string> = { ...event.detailValues };
  // Mid-sentence, as a common noun: "invited as delegate", "con la función de delegado(a)".
  if (values.role && i18n.exists(`roles.${values.role}`)) {
    values.role = i18n.t(`roles.${values.role}`).toLocaleLowerCase(i18n.language);
  }
  if (values.mode) values.mode = named(values.mode, (mode) => `proposals.modes.${mode}`);
  if (values.paperSize) values.paperSize = named(values.paperSize, (size) => `paperSize.${size}`);
  if (values.kind) values.kind = named(values.kind, (kind) => auditKindKey(kind as AuditKind));
  if (values.fields) {
    values.fields = values.fields
      .split(', ')
      .map((field) => named(field, (name) => `langaudit.audit.fields.${name}`))
      .join(', ');
  }
  if (values.labelKey) values.label = versionLabel(serverLabel(values));
  return i18n.t(event.detailKey, values);
}

/** The interface's name for a value the server recorded as a code, or the code itself. */
function named(value: string, key: (value: string) => string): string {
  return i18n.exists(key(value)) ? i18n.t(key(value)) : value;
}

/** A version label the server wrote, from its `labelKey` and `label_<name>` values. */
function serverLabel(values: Record<string, string>) {
  const labelValues = Object.fromEntries(
    Object.entries(values)
      .filter(([name]) => name.startsWith('label_'))
      .map(([name, value]) => [name.slice('label_'.length), value]),
  );
  return { label: values.label ?? '', labelKey: values.labelKey, labelValues };
}
