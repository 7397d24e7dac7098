import { formatLongDate, originalLine } from '@accord/shared/language-conventions';

export { originalLine };
import { exportLabels } from './labels';
import { cleanText } from './model';
import type { ExportInput } from './types';

/**
 * The header block of an OAS document, shared by every format: on the left the meeting (title,
 * sector, venue, dates), on the right the document's references (symbol, date, "Original:
 * English", the version and, for tracked changes, what it is compared with).
 */
export interface HeaderBlock {
  left: string[];
  right: string[];
}

/** A day as the document's language writes it ("November 28, 2026", "28 de noviembre de 2026"). */
export function formatDay(value: Date | string, language: string, timeZone?: string): string {
  return formatLongDate(value, language, timeZone);
}

/**
 * The language's name in that language, as an OAS document prints its source language:
 * "English", "español", "français", "português" (SPEC.md [AP2]).
 */
export function languageName(language: string): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(language);
    return name ?? language;
  } catch {
    return language;
  }
}

function meetingDates(input: ExportInput): string | null {
  const { startsOn, endsOn } = input.meeting;
  if (startsOn && endsOn && startsOn.slice(0, 10) !== endsOn.slice(0, 10)) {
    return `${formatDay(startsOn, input.language)} – ${formatDay(endsOn, input.language)}`;
  }
  const day = startsOn ?? endsOn;
  return day ? formatDay(day, input.language) : null;
}

export function headerBlock(input: ExportInput): HeaderBlock {
  const left = [
    input.meeting.title,
    input.meeting.sector ?? null,
    input.meeting.venue ?? null,
    meetingDates(input),
  ].filter((line): line is string => Boolean(line));
  const right = [
    input.document.symbol ?? null,
    formatDay(input.generatedAt, input.language, input.meeting.timeZone),
    originalLine(input.language, input.originalLanguage ?? input.language),
    input.versionLabel ?? null,
    input.tracked ? exportLabels(input.language).trackedSince(input.tracked.fromLabel) : null,
  ].filter((line): line is string => Boolean(line));
  return { left: left.map(cleanText), right: right.map(cleanText) };
}

/** The sentence that explains a bracket note, in the document's language: "Bracketed text proposed by Chile, Peru." */
export function bracketNoteText(delegations: string[], language = 'en'): string {
  return exportLabels(language).bracketNote(delegations.join(', '));
}

/**
 * Delegation names in the order they first appear among revisions, for legends and class
 * names.
 */
export function revisionAuthors(
  items: Iterable<{ change: string; delegation: string | null }>,
): string[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (item.change !== 'equal' && item.delegation) seen.add(item.delegation);
  }
  return [...seen];
}
