import { z } from 'zod';
import { LANGUAGES, PARTICIPANT_ROLES } from '@accord/shared';
import { DocumentSymbol, PaperSizeField } from './schemas-settings';

import { isTimeZone } from '@accord/shared/time-zone';

/** Request bodies of the HTTP API (SPEC.md "HTTP API"). */

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a real date');

export const NewMeetingBody = z
  .object({
    title: text(200),
    sector: text(120).nullish(),
    venue: text(200).nullish(),
    startsOn: day.nullish(),
    endsOn: day.nullish(),
    languages: z.array(z.enum(LANGUAGES)).min(1).max(4).optional(),
    paperSize: PaperSizeField.optional(),

    /** The meeting's time zone (IANA, e.g. "America/Guatemala"): times are shown in it. */
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, 'must be an IANA time zone, e.g. America/New_York')
      .optional(),
  })
  .refine((m) => !m.startsOn || !m.endsOn || m.startsOn <= m.endsOn, {
    message: 'the meeting cannot end before it starts',
    path: ['endsOn'],
  });

export const NewParticipantBody = z.object({
  name: text(120),
  role: z.enum(PARTICIPANT_ROLES),
  delegation: text(120).nullish(),
  /** When the invitation stops working: an ISO 8601 time with its offset. */
  expiresAt: z.iso
    .datetime({ offset: true, message: 'must be an ISO 8601 time, e.g. 2026-12-31T18:00:00Z' })
    .transform((s) => new Date(s))
    .nullish(),
});

export const NewDocumentBody = z.object({
  templateId: z.string().min(1).max(64),
  title: text(300).optional(),
  values: z.record(z.string(), z.unknown()).optional(),
  symbol: DocumentSymbol.nullish(),
  language: z.enum(LANGUAGES).optional(),
});

export const NewVersionBody = z.object({
  label: text(120),
});
