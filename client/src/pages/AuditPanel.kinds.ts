import type { AuditKind } from '@accord/shared/audit-kinds';

/**
 * The catalogue key naming an audit kind in the panel: i18next reads a dot as nesting, so
 * `document.archived` is `chores.auditKinds.document_archived`.
 */
export function auditKindKey(kind: AuditKind): string {
  return `chores.auditKinds.${kind.replace('.', '_')}`;
}
