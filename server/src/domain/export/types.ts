import type { Comparison } from '@accord/shared/comparison';
import type { CommentThread, DraftStyle, NodeJSON } from '@accord/shared';
import type { PaperSize } from '@accord/shared/paper';

/** The formats a draft can be exported in (SPEC.md [E1]: `GET …/export?format=`). */
export const EXPORT_FORMATS = ['docx', 'pdf', 'html', 'md', 'txt', 'akn'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export type { PaperSize } from '@accord/shared/paper';

/** The meeting, as printed in the document's header block. */
export interface ExportMeeting {
  title: string;
  sector?: string | null;
  venue?: string | null;
  /** ISO dates (`2026-11-28`) or times; only the day is printed. */
  startsOn?: string | null;
  endsOn?: string | null;
  /** The page size of the PDF and DOCX; US Letter when absent. */
  paperSize?: PaperSize;
  /** The meeting's IANA time zone: the document's date is the day it is there (UTC when absent). */
  timeZone?: string;
}

export interface ExportDocument {
  id: string;
  title: string;
  /** The organisation's document symbol ("OEA/Ser.K/XXI.6"), printed top right when set. */
  symbol?: string | null;
  createdAt: string;
  /**
   * What kind of text it is (its template's kind: `resolution`, `ministerial_declaration`,
   * `report`, …); chooses the Akoma Ntoso document type. A resolution when absent.
   */
  kind?: string;
  /** `drafting` or `locked`, printed as the Akoma Ntoso `docStatus`; drafting when absent. */
  status?: string;
}

/**
 * Tracked changes against an older version. `comparison` is the `/diff` answer (SPEC.md "The comparison") from
 * `fromContent`'s version to the exported content. The spans carry plain text only, so the
 * renderers take bold, italic and brackets from the two contents, matched by paragraph id, and
 * the numbers from numbering both contents (so a renumbered paragraph shows its old and new
 * number). Blocks are matched by their comparison key (`blockKeys`), title and headings included.
 */
export interface TrackedChangesInput {
  comparison: Comparison;
  /** The content of the `from` version. */
  fromContent: NodeJSON;
  /** The `from` version's label ("Zero draft"), printed in the header. */
  fromLabel: string;
  /**
   * When a revision counts as made when the comparison gives no time for it (each span and
   * move carries its own `at` from the update log). Defaults to `generatedAt`.
   */
  changedAt?: Date;
}

/** Everything a renderer needs; pure data, no storage handles. */
export interface ExportInput {
  /** The exported version's ProseMirror JSON (the `to` side of a comparison). */
  content: NodeJSON;
  style: DraftStyle;
  /** The document's language (`en`, `es`, `fr`, `pt`, or any BCP 47 tag): "Original: English". */
  language: string;
  /** A language version's original language, for its "Original:" line (else `language`). */
  originalLanguage?: string;
  meeting: ExportMeeting;
  document: ExportDocument;
  /** The exported version's label ("Rev.1"); absent for the live text. */
  versionLabel?: string | null;
  /** Printed as the document's date; also the AKN manifestation date. */
  generatedAt: Date;
  tracked?: TrackedChangesInput;
  /** The document's comment threads (live text only): Word comments in DOCX, endnotes in HTML and PDF. */
  comments?: readonly CommentThread[];
}

/** A rendered file, ready for `Content-Type` and `Content-Disposition`. */
export interface ExportResult {
  body: Buffer;
  contentType: string;
  /** Without the dot: `docx`, `xml`, … */
  extension: string;
}

export type ExportErrorCode = 'unknown_format' | 'tracked_changes_unsupported';

/**
 * A request the exporter cannot honour, with a stable `code` the HTTP layer maps to its error
 * body (`unknown_format` → 400, `tracked_changes_unsupported` → 422 with `field: "compare"`).
 */
export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    readonly code: ExportErrorCode,
    message: string,
  ) {
    super(message);
  }
}
