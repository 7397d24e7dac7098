import { z } from 'zod';
import { LANGUAGES } from '@accord/shared';
import { PAPER_SIZES } from '@accord/shared/paper';

/** Request bodies that change a document's apparatus or a meeting's print settings. */

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

/** A document symbol: one line, as printed top right ("OEA/Ser.K/XLIII.1 CIDI/RME/doc.5/26"). */
export const DocumentSymbol = text(200).refine((s) => !/[\r\n]/.test(s), 'must be one line');

export const PaperSizeField = z.enum(PAPER_SIZES, { message: 'must be "letter" or "a4"' });

export const DocumentSettingsBody = z
  .object({
    title: text(300).optional(),
    symbol: DocumentSymbol.nullable().optional(),
    language: z.enum(LANGUAGES).optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, {
    message: 'Say what to change: title, symbol or language.',
  });

export const MeetingSettingsBody = z.object({ paperSize: PaperSizeField }).strict();
