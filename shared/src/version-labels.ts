/**
 * Labels the server writes itself (automatic versions, restores, locks) are stored twice: as the
 * English text the API and the contract show (`label`), and as a catalogue key with its values
 * (`labelKey`, `labelValues`), so each reader's app can word them in the reader's language and
 * write their times in the reader's locale. The keys live in the app's catalogues under
 * `languages.versionLabels`.
 */
export const VERSION_LABEL_KEYS = {
  automatic: 'languages.versionLabels.automatic',
  restored: 'languages.versionLabels.restored',
  locked: 'languages.versionLabels.locked',
} as const;

export type VersionLabelKey = (typeof VERSION_LABEL_KEYS)[keyof typeof VERSION_LABEL_KEYS];

/** A server-written label: the English text and what a catalogue needs to say it again. */
export interface ServerLabel {
  label: string;
  labelKey: VersionLabelKey;
  /** Placeholder values; `at` is an ISO 8601 time the app writes in the reader's locale. */
  labelValues: Record<string, string>;
}

/** "Automatic, 17:50 UTC". */
export function automaticLabel(at: Date): ServerLabel {
  return {
    label: `Automatic, ${at.toISOString().slice(11, 16)} UTC`,
    labelKey: VERSION_LABEL_KEYS.automatic,
    labelValues: { at: at.toISOString() },
  };
}

/** 'Restored "Zero draft"': the restored version's own label, as its author wrote it. */
export function restoredLabel(restored: string): ServerLabel {
  return {
    label: `Restored "${restored}"`,
    labelKey: VERSION_LABEL_KEYS.restored,
    labelValues: { label: restored },
  };
}

/** "Locked for adoption". */
export function lockedLabel(): ServerLabel {
  return { label: 'Locked for adoption', labelKey: VERSION_LABEL_KEYS.locked, labelValues: {} };
}
