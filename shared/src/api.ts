import type { DraftingMode } from './proposals';
/**
 * The shapes of the HTTP API (SPEC.md "HTTP API"), shared by the server that answers and the
 * app that asks. Times are ISO 8601 strings in UTC.
 */
import type { DraftStyle, NodeJSON } from './content';
import type { PaperSize } from './paper';
import type { ParticipantRole, Role } from './roles';

/** The four official languages of the OAS. */
export const LANGUAGES = ['en', 'es', 'fr', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
}

export interface Health {
  ok: true;
  version: string;
  rooms: number;
  connections: number;
  /** `cluster` with REDIS_URL and DATABASE_URL set, else `embedded` (README "Clustered mode"). */
  mode: 'embedded' | 'cluster';
  /** An id for the process that answered. */
  node: string;
}

export interface Meeting {
  id: string;
  title: string;
  sector: string | null;
  venue: string | null;
  startsOn: string | null;
  endsOn: string | null;
  languages: Language[];
  /** The paper its documents print on (PDF, Word): `letter` unless set to `a4`. */
  paperSize: PaperSize;

  /** IANA time zone the meeting's times are shown in ("America/New_York" when not set). */
  timeZone?: string;
  createdAt: string;
}

export interface MeetingDetail extends Meeting {
  documents: DocumentInfo[];
  /**
   * Each delegation's colour in this meeting, by `delegationKey` (a person without a
   * delegation by name); no two alike. Read with `meetingColor(colors, delegation)`.
   */
  colors: Record<string, string>;
}

export interface Participant {
  id: string;
  name: string;
  role: ParticipantRole;
  delegation: string | null;
  /** When the participant's link was revoked (null while it works); revoked people stay listed. */
  revokedAt?: string | null;
  /** Who revoked it; null while it works, and for links revoked before this was recorded. */
  revokedBy?: RevokedBy | null;
}

/** Who revoked a link: the secretariat (`role: 'admin'`, no name) or a chair of the meeting. */
export interface RevokedBy {
  /** The acting participant's id, or `admin` for the secretariat. */
  participant: string;
  name: string | null;
  role: Role;
  delegation: string | null;
}

/** A participant as created or re-issued: the only time its token is shown. */
export interface Invitation extends Participant {
  token: string;
  link: string;
}

export type DocumentStatus = 'drafting' | 'locked';

export interface DocumentInfo {
  id: string;
  title: string;
  meetingId: string;
  templateId: string;
  status: DocumentStatus;
  style: DraftStyle;
  language: Language;
  /** The organisation's document symbol ("OEA/Ser.K/XLIII.1 CIDI/RME/doc.5/26"), or null. */
  symbol: string | null;

  /** How the text is drafted: `open`, `proposals` or `penholder`. */
  mode: DraftingMode;

  /** For a language version, the id of the document it translates; null for an original. */
  translationOf?: string | null;
  /** Put aside by the secretariat or the chair: out of the default list, and read-only. */
  archived?: boolean;
  createdAt: string;
  updatedAt: string;
}

export type VersionKind = 'named' | 'auto' | 'restore' | 'lock';

export interface VersionAuthor {
  participant: string;
  name: string;
  delegation: string | null;
}

export interface VersionInfo {
  id: string;
  /** The label in English (as typed, for a named version). */
  label: string;
  /** For a label the server wrote: the app catalogue's key and its values, for the reader's language. */
  labelKey?: string;
  labelValues?: Record<string, string>;
  kind: VersionKind;
  createdAt: string;
  createdBy: VersionAuthor | null;
}

export interface AuditEvent {
  at: string;
  kind: string;
  participant?: string;
  delegation?: string;
  detail: string;
  /** `detail` as a catalogue key and its values, for readers of other languages; absent on older events. */
  detailKey?: string;
  detailValues?: Record<string, string>;
}

/** Who the bearer of a token is: `GET /api/session`. */
export interface SessionInfo {
  role: Role;
  participant: Participant | null;
  meetingId: string | null;
}

export interface TemplateSummary {
  id: string;
  title: string;
  kind: string;
  summary: string;
  /** The language the template is written in. */
  language?: Language;
}

export interface TemplateDetail extends TemplateSummary {
  style: DraftStyle;
  fields: unknown[];
  guidance: Record<string, string>;
  content: NodeJSON;
}
