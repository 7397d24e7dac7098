/**
 * How the history panel words and numbers things: version authors, paragraph numbers and the
 * colour of a delegation's changes. Pure functions, so the timeline, the comparison and the
 * read-only view agree.
 */
import type { VersionAuthor, VersionInfo } from '@accord/shared/api';
import { delegationColour } from '../collab/delegationColour';
import type { DraftStyle } from '@accord/shared/content';
import { i18n } from '../i18n';
import { formatMoment } from '../components/format';

/** "Name · Delegation", the name alone, or "Automatic" for versions nobody made. */
export function authorLabel(author: VersionAuthor | null): string {
  if (!author) return i18n.t('history.automaticAuthor');
  return author.delegation ? `${author.name} · ${author.delegation}` : author.name;
}

/** The kind as a word a reader knows ("Named", "Automatic", "Restore", "Lock"). */
export function kindLabel(kind: VersionInfo['kind']): string {
  return i18n.t(`history.kind.${kind}`);
}

/** A version as one line of a picker: "Zero draft — 28 Nov 2026, 17:50". */
export function versionOptionLabel(version: VersionInfo): string {
  return i18n.t('history.versionOption', {
    label: version.label,
    time: formatMoment(version.createdAt),
  });
}

/**
 * The colour of a delegation's insertions and deletions: the meeting's colour, the same the
 * server gives each connection's caret, so "Chile" is one colour on every screen.
 */
export function changeColour(delegation: string | undefined): string {
  return delegation ? delegationColour(delegation) : '#52606d';
}

/**
 * A bare paragraph number from a comparison ("3", "3 bis", "a", "ii") as printed in the
 * draft's style ("3.", "a." in OAS style; "(a)" for UN sub-paragraphs); null for none.
 */
export function numberLabel(type: string, value: string | null, style: DraftStyle): string | null {
  if (value === null || value === '') return null;
  if (type === 'subparagraph' && style === 'un') return `(${value})`;
  return `${value}.`;
}

/** The CSS class the editor gives a block of this type, so read-only text looks the same. */
export function blockClass(type: string): string {
  switch (type) {
    case 'title':
      return 'draft-title';
    case 'organ':
      return 'draft-organ';
    case 'leadHeading':
      return 'draft-lead-heading';
    case 'preambular':
      return 'draft-preambular';
    case 'operative':
      return 'draft-operative';
    case 'subparagraph':
      return 'draft-subparagraph';
    default:
      return 'draft-note';
  }
}
